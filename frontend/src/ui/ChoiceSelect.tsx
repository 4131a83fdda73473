// A labelled <select> of ids with an "empty" choice (none, or any), indented options
// (for the department tree) and the server's message when it refused the choice.
import { useId } from 'react';

export interface Choice {
  id: number;
  label: string;
  depth?: number;
}

interface Props {
  label: string;
  emptyLabel: string;
  choices: readonly Choice[];
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}

const INDENT = '\u00a0\u00a0\u00a0';

export function ChoiceSelect({ label, emptyLabel, choices, value, onChange, error }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{emptyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {INDENT.repeat(choice.depth ?? 0)}
            {choice.label}
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

/** The reference data as select choices: departments indented by depth, inactive marked. */
export function departmentChoices(nodes: readonly { department: { id: number; name: string; isActive: boolean }; depth: number }[]): Choice[] {
  return nodes.map(({ department, depth }) => ({
    id: department.id,
    label: department.isActive ? department.name : `${department.name} (inactive)`,
    depth,
  }));
}

export function roleChoices(roles: readonly { id: number; name: string; isActive: boolean }[]): Choice[] {
  return roles.map((role) => ({ id: role.id, label: role.isActive ? role.name : `${role.name} (inactive)` }));
}
