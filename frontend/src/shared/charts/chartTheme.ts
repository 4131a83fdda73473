// The colours charts draw with, resolved from the theme's CSS variables (tokens.css) and
// the band classes, so a canvas matches the page in light and dark. Custom properties
// hold light-dark() pairs that only a real property resolves, hence the probe element.
import { readBandColours, type BandColours } from '../utilization/bandColours';

export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  fontFamily: string;
  bands: BandColours;
}

const TOKENS = {
  text: '--text',
  muted: '--text-muted',
  border: '--border',
  surface: '--surface-raised',
  accent: '--accent',
} as const;

export function readChartTheme(): ChartTheme {
  const probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  document.body.append(probe);
  try {
    const colour = (token: string) => {
      probe.style.color = `var(${token})`;
      return getComputedStyle(probe).color;
    };
    return {
      text: colour(TOKENS.text),
      muted: colour(TOKENS.muted),
      border: colour(TOKENS.border),
      surface: colour(TOKENS.surface),
      accent: colour(TOKENS.accent),
      fontFamily: getComputedStyle(document.body).fontFamily,
      bands: readBandColours(probe),
    };
  } finally {
    probe.remove();
  }
}
