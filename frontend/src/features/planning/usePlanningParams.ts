// The planning view's URL state as a hook: the parsed params and an update function.
// Moving the window or changing a filter is a history step; typing and expanding are not.
import { useUrlParams } from '../../routing/useUrlParams';
import { readParams, writeParams, type PlanningParams } from '../../shared/links/planningParams';

export type UpdateParams = (changes: Partial<PlanningParams>) => void;

export function usePlanningParams(): [PlanningParams, UpdateParams] {
  const [query, setQuery] = useUrlParams();
  const current = readParams(query);
  const update: UpdateParams = (changes) => {
    const quiet = 'search' in changes || 'open' in changes;
    setQuery(writeParams({ ...current, ...changes }), { replace: quiet });
  };
  return [current, update];
}
