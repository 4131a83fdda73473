// One of a person's skills: its name and category, its level (as words and dots) and,
// for managers and admins, selects to change level and kind and a Remove button.
import { SKILL_KINDS, SKILL_LEVELS, type PersonSkill } from '../../api/skills';
import { SkillChoiceSelect } from './SkillChoiceSelect';
import { asKind, asLevel, KIND_LABELS, LEVEL_LABELS, levelDots } from '../../shared/skills/skillLabels';
import type { SetPersonSkill } from './usePersonSkills';

/** What a row can do for someone allowed to change the person's skills. */
export interface PersonSkillEdit {
  onSet: (choice: SetPersonSkill) => void;
  onRemove: (skill: PersonSkill) => void;
}

interface Props {
  skill: PersonSkill;
  /** Null for people who may only read. */
  edit: PersonSkillEdit | null;
}

/** The id of a row's kind select, so focus can follow the row into its new group. */
export function kindSelectId(skill: number): string {
  return `person-skill-kind-${skill}`;
}

export function PersonSkillRow({ skill, edit }: Props) {
  const kind = asKind(skill.kind);
  const level = asLevel(skill.level);
  const set = (changes: Partial<Pick<SetPersonSkill, 'kind' | 'level'>>) =>
    edit?.onSet({ skill: skill.skill, kind, level, tag: skill, ...changes });

  return (
    <tr data-testid={`person-skill-${skill.name}`}>
      <th scope="row">
        {skill.name}
        {skill.category && <span className="muted person-skill__category"> · {skill.category}</span>}
      </th>
      <td>
        {edit ? (
          <SkillChoiceSelect label={`Level of ${skill.name}`} hideLabel options={SKILL_LEVELS} labels={LEVEL_LABELS}
            value={level} onChange={(next) => set({ level: next })} />
        ) : (
          <span className="person-skill__level">
            <span aria-hidden="true" className="person-skill__dots">{levelDots(level)}</span> {LEVEL_LABELS[level]}
          </span>
        )}
      </td>
      {edit && (
        <>
          <td>
            <SkillChoiceSelect id={kindSelectId(skill.skill)} label={`Kind of ${skill.name}`} hideLabel options={SKILL_KINDS}
              labels={KIND_LABELS} value={kind} onChange={(next) => set({ kind: next })} />
          </td>
          <td>
            <button type="button" className="button button--quiet button--small" aria-label={`Remove ${skill.name}`}
              onClick={() => edit.onRemove(skill)}>
              Remove
            </button>
          </td>
        </>
      )}
    </tr>
  );
}
