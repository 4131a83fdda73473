// Calls `onExpire` once `ms` of unpaused time have passed. Pausing keeps what is left, so
// a toast someone hovers or has focused in waits for them and then gets its remaining time.
import { useEffect, useEffectEvent, useRef } from 'react';

export function useDismissTimer(ms: number, paused: boolean, onExpire: () => void): void {
  const remaining = useRef(ms);
  const expire = useEffectEvent(onExpire);

  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => expire(), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused]);
}
