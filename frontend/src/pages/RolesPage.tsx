// /roles: the job roles people can hold, searchable (the search and page are in the
// URL), with an inline form to add one and per-row edit, deactivate and delete.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchRoles } from '../api/roles';
import { canEditReferenceData } from '../auth/permissions';
import { useCurrentUser } from '../auth/useSession';
import { CreateRoleForm } from '../features/roles/CreateRoleForm';
import { RolesTable } from '../features/roles/RolesTable';
import { useRoleFilters } from '../features/roles/useRoleFilters';
import { FormAlert } from '../ui/FormAlert';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { errorMessage } from '../ui/errorMessage';
import '../features/roles/roles.css';
import { queryKeys } from '../api/queryKeys';

export function RolesPage() {
  const canEdit = canEditReferenceData(useCurrentUser());
  const [filters, setFilters] = useRoleFilters();
  const roles = useQuery({
    queryKey: queryKeys.roles.list(filters),
    queryFn: ({ signal }) => fetchRoles(filters, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <title>Roles · Workload Tracker</title>
      <h1>Roles</h1>
      <div className="toolbar">
        <SearchBox label="Search roles" value={filters.search} onSearch={(search) => setFilters({ search })} />
      </div>
      {canEdit && <CreateRoleForm />}
      {roles.error && <FormAlert tone="error">{errorMessage(roles.error)}</FormAlert>}
      {roles.isPending && !roles.error && <p className="muted" role="status">Loading roles…</p>}
      {roles.data && (
        <>
          <RolesTable roles={roles.data.items} search={filters.search} canEdit={canEdit} />
          {roles.data.total > roles.data.pageSize && (
            <Pagination
              label="Role pages"
              page={roles.data.page}
              pageSize={roles.data.pageSize}
              total={roles.data.total}
              onPage={(page) => setFilters({ page })}
            />
          )}
        </>
      )}
    </>
  );
}
