// The departments page's state in the query string (?selected=12&q=civ&inactive=1), so
// a reload or a shared link opens the same department with the same filter. The global
// department filter's params (department/sub) are kept as they are.
import { useUrlParams } from '../../routing/useUrlParams';
import { readScope, scopeEntries } from '../../shared/departmentScope/scopeParams';

export interface DepartmentParams {
  selectedId: number | null;
  query: string;
  showInactive: boolean;
}

export function useDepartmentParams(): [DepartmentParams, (changes: Partial<DepartmentParams>) => void] {
  const [params, setParams] = useUrlParams();
  const selected = Number.parseInt(params.get('selected') ?? '', 10);
  const current: DepartmentParams = {
    selectedId: Number.isNaN(selected) ? null : selected,
    query: params.get('q') ?? '',
    showInactive: params.get('inactive') === '1',
  };

  function update(changes: Partial<DepartmentParams>) {
    const next = { ...current, ...changes };
    const query = new URLSearchParams(scopeEntries(readScope(params)));
    if (next.selectedId !== null) query.set('selected', String(next.selectedId));
    if (next.query) query.set('q', next.query);
    if (next.showInactive) query.set('inactive', '1');
    // Opening a department is a step worth going Back to; typing and toggles are not.
    setParams(query, { replace: !('selectedId' in changes) });
  }

  return [current, update];
}
