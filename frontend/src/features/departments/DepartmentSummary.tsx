// The detail panel for people who may read but not change departments.
import type { Department } from '../../api/departments';

export function DepartmentSummary({ department, parent }: { department: Department; parent: Department | undefined }) {
  return (
    <dl className="details">
      <dt>Parent department</dt>
      <dd>{parent ? parent.name : <span className="muted">None (top level)</span>}</dd>
      <dt>Status</dt>
      <dd>{department.isActive ? 'Active' : 'Inactive'}</dd>
      {department.manager !== null && (
        <>
          <dt>Manager</dt>
          <dd>Person #{department.manager}</dd>
        </>
      )}
      <dt>Description</dt>
      <dd>{department.description || <span className="muted">No description.</span>}</dd>
    </dl>
  );
}
