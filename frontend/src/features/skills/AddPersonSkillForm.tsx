// "Add a skill" under a person's skills: pick a skill they do not have yet (typeahead),
// its kind and level, then Add. After adding, the form clears and the keyboard returns
// to the skill field for the next one.
import { useState, type FormEvent } from 'react';
import { SKILL_KINDS, SKILL_LEVELS, type Skill, type SkillKind, type SkillLevel } from '../../api/skills';
import { SkillChoiceSelect } from './SkillChoiceSelect';
import { SkillTypeahead } from '../../shared/skills/SkillTypeahead';
import { KIND_LABELS, LEVEL_LABELS } from '../../shared/skills/skillLabels';
import type { SetPersonSkill } from './usePersonSkills';

interface Props {
  /** The skills the person does not have yet. */
  available: readonly Skill[];
  onAdd: (choice: SetPersonSkill) => void;
}

export function AddPersonSkillForm({ available, onAdd }: Props) {
  const [skill, setSkill] = useState<Skill | null>(null);
  const [kind, setKind] = useState<SkillKind>('strength');
  const [level, setLevel] = useState<SkillLevel>('intermediate');
  const [added, setAdded] = useState(0);
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!skill) {
      setMissing(true);
      return;
    }
    onAdd({ skill: skill.id, kind, level, tag: skill });
    setSkill(null);
    setMissing(false);
    setAdded(added + 1); // remounts the typeahead empty, focused for the next skill
  }

  return (
    <form className="person-skill-add" onSubmit={submit} noValidate aria-label="Add a skill">
      <SkillTypeahead key={added} label="Add a skill" skills={available} autoFocus={added > 0}
        error={missing ? 'Choose a skill from the list.' : undefined}
        onChange={(picked) => {
          setSkill(picked);
          if (picked) setMissing(false);
        }} />
      <SkillChoiceSelect label="Kind" options={SKILL_KINDS} labels={KIND_LABELS} value={kind} onChange={setKind} />
      <SkillChoiceSelect label="Level" options={SKILL_LEVELS} labels={LEVEL_LABELS} value={level} onChange={setLevel} />
      <button type="submit" className="button">
        Add
      </button>
    </form>
  );
}
