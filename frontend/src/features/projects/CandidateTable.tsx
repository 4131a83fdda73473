// The candidates for a project, most free hours first (virtualized: a firm may have
// thousands of people), each with an "Add" button.
import { formatHours } from '../people/weeks';
import { useVirtualRows } from '../people/useVirtualRows';
import type { Candidate } from './candidates';

/** Must match the row height in projects.css. */
const ROW_HEIGHT = 36;

interface Props {
  candidates: Candidate[];
  pending: boolean;
  onAdd: (candidate: Candidate) => void;
}

export function CandidateTable({ candidates, pending, onAdd }: Props) {
  const { ref, onScroll, first, last, padTop, padBottom } = useVirtualRows<HTMLDivElement>(candidates.length, ROW_HEIGHT);
  return (
    <div className="candidates-scroll" ref={ref} onScroll={onScroll}>
      <table className="data-table candidates-table" aria-label="Candidates" aria-rowcount={candidates.length + 1}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Department</th>
            <th scope="col" className="num">Free (h)</th>
            <th scope="col" className="num">Planned / capacity</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={5} /></tr>}
          {candidates.slice(first, last).map((candidate, index) => (
            <tr key={candidate.id} aria-rowindex={first + index + 2} data-testid={`candidate-${candidate.id}`}>
              <th scope="row">{candidate.name}</th>
              <td>{candidate.departmentName ?? ''}</td>
              <td className={candidate.free < 0 ? 'num is-over' : 'num'}>{formatHours(candidate.free)}</td>
              <td className="num">{formatHours(candidate.planned)} / {formatHours(candidate.capacity)}</td>
              <td>
                <button type="button" className="button button--small" disabled={pending} onClick={() => onAdd(candidate)}>
                  Add <span className="visually-hidden">{candidate.name}</span>
                </button>
              </td>
            </tr>
          ))}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={5} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
