// The skills a project wants, several at once: the shared skill typeahead adds one (and
// is ready for the next), each chosen skill is a chip that removes it again.
import { useState } from 'react';
import { useSkills, type Skill } from '../../api/skills';
import { errorMessage } from '../../ui/errorMessage';
import { SkillTypeahead } from '../../shared/skills/SkillTypeahead';

interface Props {
  value: readonly Skill[];
  onChange: (skills: Skill[]) => void;
}

export function SkillPicker({ value, onChange }: Props) {
  const skills = useSkills();
  // Counts picks: a new key gives an empty typeahead, focused, after each one.
  const [picks, setPicks] = useState(0);
  const left = (skills.data ?? []).filter((skill) => !value.some((chosen) => chosen.id === skill.id));

  return (
    <div className="skill-picker">
      {skills.data ? (
        <SkillTypeahead key={picks} label="Skills wanted" skills={left} autoFocus={picks > 0}
          onChange={(skill) => {
            if (!skill) return;
            onChange([...value, skill]);
            setPicks((count) => count + 1);
          }} />
      ) : (
        <p className={skills.error ? 'field__error' : 'muted'}>{skills.error ? errorMessage(skills.error) : 'Loading skills…'}</p>
      )}
      {value.length > 0 && (
        <ul className="chips skill-picker__chosen" aria-label="Skills wanted">
          {value.map((skill) => (
            <li key={skill.id}>
              <button type="button" className="chip" onClick={() => onChange(value.filter((chosen) => chosen.id !== skill.id))}>
                <span className="visually-hidden">Remove</span> {skill.name} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
