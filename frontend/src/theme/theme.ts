// Theme preference: "light", "dark" or "system". The CSS follows the OS by default
// (prefers-color-scheme) with no script; an explicit choice sets html[data-theme]
// and is remembered in localStorage under "wt.theme" (the only localStorage key).
// Components subscribe so every toggle shows the same choice.

export type ThemePreference = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'wt.theme';

const listeners = new Set<() => void>();

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    // Storage disabled (privacy mode): the choice is what this page shows.
    const shown = document.documentElement.getAttribute('data-theme');
    return shown === 'light' || shown === 'dark' ? shown : 'system';
  }
}

/** Sets data-theme on <html> ("system" removes it so the CSS media query decides). */
export function applyThemePreference(preference: ThemePreference): void {
  const root = document.documentElement;
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}

export function saveThemePreference(preference: ThemePreference): void {
  applyThemePreference(preference);
  try {
    if (preference === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // The choice still applies for this page view.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` after every saved change of preference. */
export function subscribeThemePreference(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
