// The candidates for a project in the server's order (virtualized: a search may answer
// up to 200), each with the wanted skills they have (when skills were asked for), their
// free hours and an "Add" button.
import type { Candidate } from '../../api/projects';
import { asKind, asLevel, KIND_LABELS, LEVEL_LABELS } from '../../shared/skills/skillLabels';
import { formatHours } from '../../ui/weeks';
import { SpacerRow } from '../../ui/SpacerRow';
import { useVirtualList } from '../../ui/useVirtualList';

/** Must match the row height in projects.css. */
const ROW_HEIGHT = 36;

interface Props {
  candidates: Candidate[];
  /** Show the matched skills column. */
  withSkills: boolean;
  pending: boolean;
  onAdd: (candidate: Candidate) => void;
}

/** "Revit (Expert)", or "Revit (Beginner, learning)" when it is not yet a strength. */
function skillWords({ name, kind, level }: Candidate['matchedSkills'][number]): string {
  const how = asKind(kind) === 'strength' ? '' : `, ${KIND_LABELS[asKind(kind)].toLocaleLowerCase()}`;
  return `${name} (${LEVEL_LABELS[asLevel(level)]}${how})`;
}

export function CandidateTable({ candidates, withSkills, pending, onAdd }: Props) {
  const { ref, start, end, padTop, padBottom } = useVirtualList<HTMLDivElement>({ count: candidates.length, rowHeight: ROW_HEIGHT });
  const columns = withSkills ? 7 : 6;
  return (
    <div className="candidates-scroll" ref={ref}>
      <table className="data-table candidates-table" aria-label="Candidates" aria-rowcount={candidates.length + 1}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Department</th>
            {withSkills && <th scope="col">Matching skills</th>}
            <th scope="col" className="num">Free (h)</th>
            <th scope="col" className="num">Planned / capacity</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={padTop} columns={columns} />
          {candidates.slice(start, end).map((candidate, index) => (
            <tr key={candidate.id} aria-rowindex={start + index + 2} data-testid={`candidate-${candidate.id}`}>
              <th scope="row">{candidate.name}</th>
              <td>{candidate.roleName ?? ''}</td>
              <td>{candidate.departmentName ?? ''}</td>
              {withSkills && (
                <td className="candidates-table__skills" title={candidate.matchedSkills.map(skillWords).join(', ')}>
                  {candidate.matchedSkills.map((skill) => (
                    <span key={skill.id} className="tag">{skillWords(skill)}</span>
                  ))}
                </td>
              )}
              <td className={candidate.free < 0 ? 'num is-over' : 'num'}>
                {formatHours(candidate.free)}
                {candidate.free < 0 && <span className="visually-hidden"> (over-allocated)</span>}
              </td>
              <td className="num">{formatHours(candidate.planned)} / {formatHours(candidate.capacity)}</td>
              <td>
                <button type="button" className="button button--small" disabled={pending} onClick={() => onAdd(candidate)}>
                  Add <span className="visually-hidden">{candidate.name}</span>
                </button>
              </td>
            </tr>
          ))}
          <SpacerRow height={padBottom} columns={columns} />
        </tbody>
      </table>
    </div>
  );
}
