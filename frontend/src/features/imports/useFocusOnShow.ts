// Moves focus to a panel's heading when the panel appears (a check's preview, a
// result, a refusal), so keyboard and screen reader users land on what just came in
// rather than staying on the button that is gone or far above. The heading takes
// focus only programmatically (tabIndex -1).
import { useEffect, useRef } from 'react';

export function useFocusOnShow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
