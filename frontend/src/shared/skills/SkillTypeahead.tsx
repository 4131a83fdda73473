// A keyboard-first skill picker (an ARIA combobox): type to filter the skills by name or
// category, arrows move, Enter or a click picks, Escape closes the list. Typing a whole
// name and leaving the field picks that skill too. `value` is the picked skill, if any.
import { useId, useState, type KeyboardEvent } from 'react';
import type { Skill } from '../../api/skills';
import { ScopedLink } from '../departmentScope/ScopedLink';
import './skillTypeahead.css';

const MAX_MATCHES = 8;

interface Props {
  label: string;
  skills: readonly Skill[];
  value: Skill | null;
  onChange: (skill: Skill | null) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}

function matching(skills: readonly Skill[], text: string): Skill[] {
  const needle = text.trim().toLocaleLowerCase();
  const found = needle
    ? skills.filter((s) => s.name.toLocaleLowerCase().includes(needle) || s.category.toLocaleLowerCase().includes(needle))
    : skills;
  return found.slice(0, MAX_MATCHES);
}

export function SkillTypeahead({ label, skills, value, onChange, error, autoFocus = false }: Props) {
  const id = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = open ? matching(skills, text) : [];
  const current = Math.min(active, options.length - 1);
  const optionId = (skill: Skill) => `${id}-option-${skill.id}`;
  // Stays visible after leaving the field, so its link can be reached with Tab.
  const noMatch = !value && text.trim() !== '' && matching(skills, text).length === 0;

  function pick(skill: Skill) {
    setText(skill.name);
    setOpen(false);
    onChange(skill);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const chosen = options[current];
    if (event.key === 'ArrowDown' && !open) setOpen(true);
    else if (event.key === 'ArrowDown') setActive(Math.min(current + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
    else if (event.key === 'Enter' && chosen) pick(chosen);
    else if (event.key === 'Escape' && open) setOpen(false);
    else return;
    event.preventDefault();
  }

  function onBlur() {
    setOpen(false);
    const exact = skills.find((skill) => skill.name.toLocaleLowerCase() === text.trim().toLocaleLowerCase());
    if (exact && exact.id !== value?.id) pick(exact);
  }

  return (
    <div className="field skill-typeahead">
      <label htmlFor={id}>{label}</label>
      <input id={id} role="combobox" autoComplete="off" autoFocus={autoFocus} placeholder="Type to search skills…"
        aria-autocomplete="list" aria-expanded={options.length > 0} aria-controls={`${id}-list`}
        aria-activedescendant={options[current] ? optionId(options[current]) : undefined}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        value={text} onKeyDown={onKeyDown} onBlur={onBlur}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
          if (value) onChange(null);
        }} />
      <ul id={`${id}-list`} role="listbox" aria-label={`${label}: matches`} className="skill-typeahead__list" hidden={options.length === 0}>
        {options.map((skill, index) => (
          <li key={skill.id} id={optionId(skill)} role="option" aria-selected={index === current}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(skill);
            }}>
            {skill.name}
            {skill.category && <span className="muted"> · {skill.category}</span>}
          </li>
        ))}
      </ul>
      {(skills.length === 0 || noMatch) && (
        <p className="field__hint">
          {skills.length === 0 ? 'No skills left to add. ' : `No skill matches “${text.trim()}”. `}
          New skills are added on the <ScopedLink to="/skills">Skills page</ScopedLink>.
        </p>
      )}
      {error && <p id={`${id}-error`} className="field__error">{error}</p>}
    </div>
  );
}
