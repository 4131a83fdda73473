// Search box and role/status filters above the user list. Typing searches after a short
// pause; the filters apply at once.
import { useEffect, useState } from 'react';
import type { UserFilters } from '../../api/users';
import { ROLES } from '../../api/types';

const SEARCH_DELAY_MS = 300;

interface Props {
  filters: UserFilters;
  onChange: (changes: Partial<UserFilters>) => void;
}

export function UserFilterBar({ filters, onChange }: Props) {
  const [search, setSearch] = useState(filters.search);

  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => onChange({ search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filters.search, onChange]);

  return (
    <div className="filter-bar" role="search">
      <label>
        <span className="visually-hidden">Search users</span>
        <input
          type="search"
          className="search-input"
          placeholder="Search name or email"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <label>
        Role{' '}
        <select
          className="select"
          value={filters.role}
          onChange={(event) => onChange({ role: event.target.value as UserFilters['role'] })}
        >
          <option value="">Any</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status{' '}
        <select
          className="select"
          value={filters.active}
          onChange={(event) => onChange({ active: event.target.value as UserFilters['active'] })}
        >
          <option value="">Any</option>
          <option value="true">Active</option>
          <option value="false">Deactivated</option>
        </select>
      </label>
    </div>
  );
}
