// /departments: the department tree with search and "Show inactive" on the left and the
// open department's details on the right; selection and filters live in the URL. With
// the global department filter set and nothing else opened, its department is open.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAllDepartments } from '../api/departments';
import { canEditReferenceData } from '../auth/permissions';
import { useCurrentUser } from '../auth/useSession';
import { DepartmentPanel } from '../features/departments/DepartmentPanel';
import { DepartmentTree } from '../features/departments/DepartmentTree';
import { EmptyTree } from '../features/departments/EmptyTree';
import { NewDepartmentDialog } from '../features/departments/NewDepartmentDialog';
import { TreeFilterBar } from '../features/departments/TreeFilterBar';
import { buildTree, filterTree } from '../shared/departments/departmentTree';
import { useDepartmentParams } from '../features/departments/useDepartmentParams';
import { useDepartmentScope } from '../shared/departmentScope/useDepartmentScope';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/departments/departments.css';
import { queryKeys } from '../api/queryKeys';

export function DepartmentsPage() {
  const canEdit = canEditReferenceData(useCurrentUser());
  const [params, setParams] = useDepartmentParams();
  const scope = useDepartmentScope();
  const selectedId = params.selectedId ?? scope.department;
  const [creating, setCreating] = useState(false);
  const departments = useQuery({ queryKey: queryKeys.departments.list, queryFn: ({ signal }) => fetchAllDepartments(signal) });
  const all = departments.data ?? [];
  const roots = filterTree(buildTree(all), params);

  return (
    <>
      <title>Departments · Workload Tracker</title>
      <h1>Departments</h1>
      <div className="toolbar">
        <TreeFilterBar query={params.query} showInactive={params.showInactive} onChange={setParams} />
        {canEdit && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New department
          </button>
        )}
      </div>
      {departments.error && <FormAlert tone="error">{errorMessage(departments.error)}</FormAlert>}
      {departments.isPending && !departments.error && <p className="muted" role="status">Loading departments…</p>}
      {departments.data && (
        <div className="departments">
          {roots.length > 0 ? (
            // Remounted (so fully expanded) on a new filter or scope: the open one shows.
            <DepartmentTree
              key={`${params.query}|${params.showInactive}|${scope.department}`}
              roots={roots}
              selectedId={selectedId}
              onOpen={(selectedId) => setParams({ selectedId })}
            />
          ) : (
            <EmptyTree total={all.length} query={params.query} showInactive={params.showInactive} canEdit={canEdit} />
          )}
          <DepartmentPanel
            departments={all}
            selectedId={selectedId}
            canEdit={canEdit}
            onSelect={(selectedId) => setParams({ selectedId })}
          />
        </div>
      )}
      {creating && (
        <NewDepartmentDialog
          departments={all}
          parentId={all.some((department) => department.id === selectedId) ? selectedId : null}
          onClose={() => setCreating(false)}
          onCreated={(department) => {
            setCreating(false);
            setParams({ selectedId: department.id });
          }}
        />
      )}
    </>
  );
}
