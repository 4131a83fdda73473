// The chart colours of the theme shown now, read again when it changes: an explicit
// choice (html[data-theme], saved by the theme toggle) or the OS preference under
// "system".
import { useSyncExternalStore } from 'react';
import { subscribeThemePreference } from '../../theme/theme';
import { readChartTheme, type ChartTheme } from './chartTheme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  media?.addEventListener('change', onChange);
  const unsubscribe = subscribeThemePreference(onChange);
  return () => {
    media?.removeEventListener('change', onChange);
    unsubscribe();
  };
}

/** What decides the colours: the explicit theme, else the OS's. */
function shownTheme(): string {
  const chosen = document.documentElement.getAttribute('data-theme');
  if (chosen) return chosen;
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Colours read once per theme shown, so an option's inputs stay the same object. */
const read = new Map<string, ChartTheme>();

function themeFor(shown: string): ChartTheme {
  let theme = read.get(shown);
  if (!theme) {
    theme = readChartTheme();
    read.set(shown, theme);
  }
  return theme;
}

export function useChartTheme(): ChartTheme {
  return themeFor(useSyncExternalStore(subscribe, shownTheme));
}
