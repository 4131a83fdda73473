// The detail panel for managers and admins: the edit form for the open department and
// its delete confirmation. Mutation state lives here so a 412 message survives the
// form being reloaded with the newer version.
import { useState } from 'react';
import type { Department } from '../../api/departments';
import { DeleteDepartmentDialog } from './DeleteDepartmentDialog';
import { DepartmentForm } from './DepartmentForm';
import { useDepartmentActions } from './useDepartmentActions';

interface Props {
  department: Department;
  departments: readonly Department[];
  onDeleted: () => void;
}

export function DepartmentEditor({ department, departments, onDeleted }: Props) {
  const { update, remove } = useDepartmentActions(department, onDeleted);
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      {department.manager !== null && <p className="muted">Manager: person #{department.manager}</p>}
      <DepartmentForm
        key={department.version}
        department={department}
        departments={departments}
        saving={update.isPending}
        error={update.error}
        onSave={(changes) => update.mutate(changes)}
        onDelete={() => {
          remove.reset();
          update.reset();
          setConfirming(true);
        }}
      />
      {confirming && (
        <DeleteDepartmentDialog department={department} remove={remove} update={update} onClose={() => setConfirming(false)} />
      )}
    </>
  );
}
