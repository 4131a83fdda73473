// The "Parent department" picker: "None (top level)" or any department offered, in tree
// order and indented by depth, with the server's message when it refused the choice.
import { useId } from 'react';
import type { TreeNode } from '../../shared/departments/departmentTree';

interface Props {
  options: readonly TreeNode[];
  value: number | null;
  onChange: (parent: number | null) => void;
  error?: string | undefined;
}

const INDENT = '\u00a0\u00a0\u00a0';

export function ParentSelect({ options, value, onChange, error }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Parent department</label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">None (top level)</option>
        {options.map(({ department, depth }) => (
          <option key={department.id} value={department.id}>
            {INDENT.repeat(depth)}
            {department.name}
            {department.isActive ? '' : ' (inactive)'}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
