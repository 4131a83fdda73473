// The band colours for drawing (charts on a canvas cannot take a class), read from the
// one place they are defined, bands.css, in the theme shown now: `strong` is a band's
// edge colour (a heatmap cell, a bar), `soft` its tile background.
import type { Band } from './bands';
import './bands.css';

export interface BandColour {
  strong: string;
  soft: string;
}

export type BandColours = Record<Band, BandColour>;

const ALL_BANDS: readonly Band[] = ['available', 'optimal', 'high', 'over_allocated'];

/** Computes each band's colours with a probe element styled by the band's class. */
export function readBandColours(probe: HTMLElement): BandColours {
  const colours = {} as BandColours;
  for (const band of ALL_BANDS) {
    probe.className = `band-edge--${band}`;
    const style = getComputedStyle(probe);
    colours[band] = { strong: style.borderLeftColor, soft: style.backgroundColor };
  }
  probe.className = '';
  return colours;
}
