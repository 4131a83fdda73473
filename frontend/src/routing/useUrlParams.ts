// The URL's search params for state that lives in the URL (filters, sort, page, the
// grid's window, the department scope), with writes that commit at once. The router
// otherwise applies a navigation inside a React transition, which may render later
// than the event: a checkbox or select bound to the URL would then snap back to its old
// value for a moment (and a test's click would see no change). Every hook that writes
// page state to the URL goes through here.
import { useSearchParams, type SetURLSearchParams } from 'react-router';

export function useUrlParams(): [URLSearchParams, SetURLSearchParams] {
  const [params, setParams] = useSearchParams();
  const setNow: SetURLSearchParams = (next, options) => setParams(next, { ...options, flushSync: true });
  return [params, setNow];
}
