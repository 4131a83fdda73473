// The roles list's search and page in the query string (?q=eng&page=2).
import { useUrlParams } from '../../routing/useUrlParams';

export interface RoleFilters {
  search: string;
  page: number;
}

export function useRoleFilters(): [RoleFilters, (changes: Partial<RoleFilters>) => void] {
  const [params, setParams] = useUrlParams();
  const filters: RoleFilters = {
    search: params.get('q') ?? '',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };

  function update(changes: Partial<RoleFilters>) {
    const next = { ...filters, page: 1, ...changes }; // a new search starts at page 1
    const query = new URLSearchParams();
    if (next.search) query.set('q', next.search);
    if (next.page > 1) query.set('page', String(next.page));
    setParams(query, { replace: true });
  }

  return [filters, update];
}
