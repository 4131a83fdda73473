// The roles table: one row per role with its actions, or words about why it is empty.
import type { JobRole } from '../../api/roles';
import { RoleRow } from './RoleRow';
import '../../ui/referenceData.css';

interface Props {
  roles: JobRole[];
  search: string;
  canEdit: boolean;
}

export function RolesTable({ roles, search, canEdit }: Props) {
  if (roles.length === 0) {
    let message = canEdit
      ? 'No roles yet. Add the job roles people hold, such as “Civil engineer” or “Planner”, with the form above.'
      : 'No roles yet. Managers and administrators can add them.';
    if (search) message = `No role name contains “${search}”. Check the spelling or clear the search.`;
    return <p className="muted">{message}</p>;
  }
  return (
    <table className="data-table name-rows roles-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Description</th>
          <th scope="col">Status</th>
          {canEdit && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <RoleRow key={role.id} role={role} canEdit={canEdit} />
        ))}
      </tbody>
    </table>
  );
}
