// The "Skills" section of a person's page: their skills grouped by kind (strengths,
// developing, learning) with levels. Managers and admins (who the server lets change
// them) also change level and kind in place, remove a skill and add one.
import { useEffect, useRef, useState } from 'react';
import { SKILL_KINDS, useSkills, type PersonSkill } from '../../api/skills';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { useCanPlan } from '../../auth/useCanPlan';
import { AddPersonSkillForm } from './AddPersonSkillForm';
import { PersonSkillGroup } from './PersonSkillGroup';
import { kindSelectId, type PersonSkillEdit } from './PersonSkillRow';
import { asKind } from '../../shared/skills/skillLabels';
import { usePersonSkills, type SetPersonSkill } from './usePersonSkills';
import './skills.css';

export function PersonSkills({ person }: { person: number }) {
  const canEdit = useCanPlan();
  const { query, set, remove } = usePersonSkills(person);
  // The skill tags are only needed to add one: asked for when the add form is first used.
  const [adding, setAdding] = useState(false);
  const tags = useSkills({ enabled: canEdit && adding });
  const heading = useRef<HTMLHeadingElement>(null);
  // After a kind change the row moves to another group; focus follows it there.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    document.getElementById(refocus.current)?.focus();
    refocus.current = null;
  }, [query.data]);

  const skills = query.data ?? [];
  const edit: PersonSkillEdit | null = canEdit
    ? {
        onSet: (choice: SetPersonSkill) => {
          const before = skills.find((skill) => skill.skill === choice.skill);
          if (before && asKind(before.kind) !== choice.kind) refocus.current = kindSelectId(choice.skill);
          set.mutate(choice);
        },
        onRemove: (skill: PersonSkill) => {
          heading.current?.focus();
          remove.mutate(skill);
        },
      }
    : null;
  const held = new Set(skills.map((skill) => skill.skill));

  return (
    <section aria-labelledby="person-skills-heading" className="person-skills">
      <h2 id="person-skills-heading" ref={heading} tabIndex={-1}>Skills</h2>
      {query.error && <FormAlert tone="error">{errorMessage(query.error)}</FormAlert>}
      {query.isPending && !query.error && <p className="muted" role="status">Loading skills…</p>}
      {query.data && skills.length === 0 && (
        <p className="muted">No skills recorded yet.{canEdit && ' Add what this person is strong in, developing or learning below.'}</p>
      )}
      {SKILL_KINDS.map((kind) => (
        <PersonSkillGroup key={kind} kind={kind} skills={skills.filter((skill) => asKind(skill.kind) === kind)} edit={edit} />
      ))}
      {canEdit && tags.error && <FormAlert tone="error">{errorMessage(tags.error)}</FormAlert>}
      {canEdit && query.data && (
        <div onFocus={() => setAdding(true)}>
          <AddPersonSkillForm available={(tags.data ?? []).filter((tag) => !held.has(tag.id))} onAdd={(choice) => set.mutate(choice)} />
        </div>
      )}
    </section>
  );
}
