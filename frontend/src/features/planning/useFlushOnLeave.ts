// Edits still in the grid's save queue must not vanish with the tab. When the page is
// hidden (a tab switch, or the first sign of closing on mobile, where unload events may
// never come) or put away (pagehide), pending edits go out at once in a keepalive
// request, which outlives the page; the bearer token goes with it like any API call.
// A batch too big for keepalive (64 KiB) cannot, so it waits for the normal save; and
// while anything is unsaved, beforeunload asks the browser to confirm leaving.
import { useEffect } from 'react';
import type { SaveQueue } from './saveQueue';

export function useFlushOnLeave(queue: SaveQueue): void {
  useEffect(() => {
    const sendNow = () => {
      if (queue.fitsKeepalive()) void queue.flush({ leaving: true });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') sendNow();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (queue.hasUnsaved()) event.preventDefault();
    };
    window.addEventListener('pagehide', sendNow);
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', sendNow);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [queue]);
}
