// The window the analytics screens show, from the URL (so a reload or a shared link shows
// the same view), and a setter for the horizon.
import type { AnalyticsWindow } from '../../api/analytics';
import { useUrlParams } from '../../routing/useUrlParams';
import { readWindow, withWeeks } from './analyticsParams';

export interface AnalyticsWindowState {
  window: AnalyticsWindow;
  setWeeks: (weeks: number) => void;
}

export function useAnalyticsWindow(): AnalyticsWindowState {
  const [query, setQuery] = useUrlParams();
  return {
    window: readWindow(query),
    setWeeks: (weeks) => setQuery((latest) => withWeeks(latest, weeks)),
  };
}
