// The global department filter in the app header: a picker of the department tree
// ("All departments" or one, indented), "Include sub-departments", and the "Filtered"
// chip with a clear button. All of it reads and writes the URL via useDepartmentScope.
// The department list is shared with the pages that load it anyway; elsewhere it is only
// fetched once a scope is set or the control is approached, so the header does not add
// a request to every page (the budget is one or two calls per view).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAllDepartments } from '../../api/departments';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { ScopeChip } from './ScopeChip';
import { scopeChoices, scopeName } from './scopeChoices';
import { useDepartmentScope } from './useDepartmentScope';
import './departmentScope.css';
import { queryKeys } from '../../api/queryKeys';

export function DepartmentScopeControl() {
  const { department, includeChildren, setScope } = useDepartmentScope();
  const [approached, setApproached] = useState(false);
  const departments = useQuery({
    queryKey: queryKeys.departments.list,
    queryFn: ({ signal }) => fetchAllDepartments(signal),
    enabled: approached || department !== null,
  });
  const known = { list: departments.data, pending: departments.isPending };
  return (
    <div
      className="scope"
      role="group"
      aria-label="Department filter"
      onPointerEnter={() => setApproached(true)}
      onFocus={() => setApproached(true)}
    >
      <ChoiceSelect
        label="Showing"
        emptyLabel="All departments"
        choices={scopeChoices(known, department)}
        value={department}
        onChange={(next) => setScope({ department: next })}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeChildren}
          disabled={department === null}
          onChange={(event) => setScope({ includeChildren: event.target.checked })}
        />
        Include sub-departments
      </label>
      {department !== null && (
        <ScopeChip
          name={scopeName(known, department)}
          includeChildren={includeChildren}
          onClear={() => setScope({ department: null })}
        />
      )}
    </div>
  );
}
