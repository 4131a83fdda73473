// /admin/users: the searchable, server-paginated user list with the new-user form.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchUsers } from '../../api/users';
import { useCurrentUser } from '../../auth/useSession';
import { FormAlert } from '../../ui/FormAlert';
import { Pagination } from '../../ui/Pagination';
import { errorMessage } from '../../ui/errorMessage';
import { CreateUserForm } from './CreateUserForm';
import { UserFilterBar } from './UserFilterBar';
import { UserRow } from './UserRow';
import { useUserFilters } from './useUserFilters';
import { queryKeys } from '../../api/queryKeys';

export function UsersTab() {
  const me = useCurrentUser();
  const [filters, setFilters] = useUserFilters();
  const [creating, setCreating] = useState(false);
  const users = useQuery({
    queryKey: queryKeys.users.list(filters),
    queryFn: ({ signal }) => fetchUsers(filters, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-label="Users">
      <title>Users · Admin · Workload Tracker</title>
      <div className="toolbar">
        <UserFilterBar filters={filters} onChange={setFilters} />
        {!creating && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New user
          </button>
        )}
      </div>
      {creating && <CreateUserForm onDone={() => setCreating(false)} />}
      {users.error && <FormAlert tone="error">{errorMessage(users.error)}</FormAlert>}
      {users.isPending && !users.error && <p className="muted" role="status">Loading users…</p>}
      {users.data && (
        <>
          <table className="data-table users-table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Person</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === me?.id} />
              ))}
            </tbody>
          </table>
          {users.data.items.length === 0 && (
            <p className="muted">No users match these filters. Clear the search or pick “Any”.</p>
          )}
          <Pagination
            label="User pages"
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onPage={(page) => setFilters({ page })}
          />
        </>
      )}
    </section>
  );
}
