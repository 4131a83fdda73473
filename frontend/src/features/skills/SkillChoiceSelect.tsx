// A <select> over a fixed list of kinds or levels, with either a visible label (the add
// form) or only an accessible one (inside a table row, where the column says what it is).
import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  hideLabel?: boolean;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  id?: string;
  disabled?: boolean;
}

export function SkillChoiceSelect<T extends string>(props: Props<T>) {
  const { label, hideLabel = false, options, labels, value, onChange, disabled = false } = props;
  const generated = useId();
  const id = props.id ?? generated;
  const select = (
    <select id={id} className="select" value={value} disabled={disabled} aria-label={hideLabel ? label : undefined}
      onChange={(event) => onChange(options.find((option) => option === event.target.value) ?? value)}>
      {options.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return select;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}
