// The skill picker (ui/Combobox): type to filter the skills by name or category (the
// first 8 matches show), arrows move, Enter or a click picks, Escape closes the list.
// Typing a whole name and leaving the field picks that skill too. With no skill left, or
// none matching, a hint says where new skills are added.
import { useState } from 'react';
import type { Skill } from '../../api/skills';
import { Combobox } from '../../ui/Combobox';
import { ScopedLink } from '../departmentScope/ScopedLink';
import './skillTypeahead.css';

const MAX_MATCHES = 8;

interface Props {
  label: string;
  skills: readonly Skill[];
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

export function SkillTypeahead({ label, skills, onChange, error, autoFocus = false }: Props) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Skill | null>(null);
  const matches = matching(skills, text);
  // Stays visible after leaving the field, so its link can be reached with Tab.
  const noMatch = !picked && text.trim() !== '' && matches.length === 0;
  return (
    <Combobox
      className="field skill-typeahead"
      listClassName="skill-typeahead__list"
      label={label}
      listLabel={`${label}: matches`}
      placeholder="Type to search skills…"
      autoFocus={autoFocus}
      error={error}
      items={matches}
      itemKey={(skill) => skill.id}
      itemText={(skill) => skill.name}
      renderItem={(skill) => (
        <>
          {skill.name}
          {skill.category && <span className="muted"> · {skill.category}</span>}
        </>
      )}
      onTextChange={setText}
      onSelect={(skill) => {
        setPicked(skill);
        onChange(skill);
      }}
      onLeave={(typed) => skills.find((skill) => skill.name.toLocaleLowerCase() === typed.trim().toLocaleLowerCase())}
    >
      {(skills.length === 0 || noMatch) && (
        <p className="field__hint">
          {skills.length === 0 ? 'No skills left to add. ' : `No skill matches “${text.trim()}”. `}
          New skills are added on the <ScopedLink to="/skills">Skills page</ScopedLink>.
        </p>
      )}
    </Combobox>
  );
}
