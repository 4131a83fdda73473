// One kind's group of a person's skills (e.g. "Strengths"): a heading and a dense table,
// sorted by name; nothing when the person has no skill of that kind.
import type { PersonSkill, SkillKind } from '../../api/skills';
import { PersonSkillRow, type PersonSkillEdit } from './PersonSkillRow';
import { KIND_HEADINGS } from '../../shared/skills/skillLabels';
import '../../ui/referenceData.css';

interface Props {
  kind: SkillKind;
  skills: PersonSkill[];
  edit: PersonSkillEdit | null;
}

export function PersonSkillGroup({ kind, skills, edit }: Props) {
  if (skills.length === 0) return null;
  const headingId = `person-skills-${kind}`;
  const sorted = [...skills].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <h3 id={headingId} className="person-skills__kind">{`${KIND_HEADINGS[kind]} (${skills.length})`}</h3>
      <table className="data-table name-rows person-skills-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col" className="person-skills__level">Level</th>
            {edit && <th scope="col" className="person-skills__kind-col">Kind</th>}
            {edit && <th scope="col" className="person-skills__actions"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((skill) => (
            <PersonSkillRow key={skill.skill} skill={skill} edit={edit} />
          ))}
        </tbody>
      </table>
    </>
  );
}
