// The right-hand panel: the open department's details, editable for managers and
// admins, read-only for everyone else; or a hint when nothing is open.
import type { Department } from '../../api/departments';
import { DepartmentEditor } from './DepartmentEditor';
import { DepartmentSummary } from './DepartmentSummary';

interface Props {
  departments: readonly Department[];
  selectedId: number | null;
  canEdit: boolean;
  onSelect: (id: number | null) => void;
}

export function DepartmentPanel({ departments, selectedId, canEdit, onSelect }: Props) {
  const department = departments.find((candidate) => candidate.id === selectedId);
  if (!department) {
    return (
      <section className="card dept-panel" aria-label="Department details">
        <p className="muted">
          {selectedId === null
            ? 'Open a department to see its details: click it, or move to it with the arrow keys and press Enter.'
            : 'That department no longer exists. Someone may have deleted it.'}
        </p>
      </section>
    );
  }
  return (
    <section className="card dept-panel" aria-labelledby="dept-panel-title">
      <h2 id="dept-panel-title">{department.name}</h2>
      {canEdit ? (
        <DepartmentEditor
          key={department.id}
          department={department}
          departments={departments}
          onDeleted={() => onSelect(department.parentDepartment ?? null)}
        />
      ) : (
        <DepartmentSummary
          department={department}
          parent={departments.find((candidate) => candidate.id === department.parentDepartment)}
        />
      )}
    </section>
  );
}
