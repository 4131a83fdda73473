// The global department filter as a hook: the scope the current URL holds and a setter
// that rewrites just `department`/`sub` on the current page (a history step, so Back
// undoes it). Pages read the same params; no other storage is used.
import { useSearchParams } from 'react-router';
import { useUrlParams } from '../../routing/useUrlParams';
import { applyScope, readScope, scopeSearch, type DepartmentScope } from './scopeParams';

export interface DepartmentScopeState extends DepartmentScope {
  setScope: (changes: Partial<DepartmentScope>) => void;
}

export function useDepartmentScope(): DepartmentScopeState {
  const [query, setQuery] = useUrlParams();
  const current = readScope(query);
  const setScope = (changes: Partial<DepartmentScope>) =>
    setQuery((latest) => applyScope(latest, { ...readScope(latest), ...changes }));
  return { ...current, setScope };
}

/** The search string links carry so the filter survives navigation. */
export function useScopeSearch(): string {
  const [query] = useSearchParams();
  return scopeSearch(query);
}
