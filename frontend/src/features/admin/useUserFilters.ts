// The user list's filters and page, read from and written to the query string, so a
// reload or a shared link shows the same list.
import { useUrlParams } from '../../routing/useUrlParams';
import type { UserFilters } from '../../api/users';
import type { Role } from '../../api/types';

const ROLE_VALUES = new Set<string>(['admin', 'manager', 'user']);

export function useUserFilters(): [UserFilters, (changes: Partial<UserFilters>) => void] {
  const [params, setParams] = useUrlParams();
  const role = params.get('role') ?? '';
  const active = params.get('active') ?? '';
  const filters: UserFilters = {
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
    search: params.get('search') ?? '',
    role: ROLE_VALUES.has(role) ? (role as Role) : '',
    active: active === 'true' || active === 'false' ? active : '',
  };

  function update(changes: Partial<UserFilters>) {
    const next = { ...filters, page: 1, ...changes }; // a new filter starts at page 1
    const query = new URLSearchParams();
    if (next.search) query.set('search', next.search);
    if (next.role) query.set('role', next.role);
    if (next.active) query.set('active', next.active);
    if (next.page > 1) query.set('page', String(next.page));
    setParams(query, { replace: true });
  }

  return [filters, update];
}
