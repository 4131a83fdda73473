// The hour moves of one deliverable's date, newest first, as the audit keeps them: when
// and by whom, old → new date, how far the hours went and how many assignments, and
// whether it was undone. Editors can undo the newest one not undone yet (the one the
// server's undo takes), as from its toast: a way back that does not time out.
// Loaded when opened, so the page itself stays at its one or two requests.
import { useQuery } from '@tanstack/react-query';
import type { Deliverable } from '../../../api/deliverables';
import { fetchReallocations, type ReallocationRecord } from '../../../api/reallocations';
import { FormAlert } from '../../../ui/FormAlert';
import { RelativeTime } from '../../../ui/RelativeTime';
import { errorMessage } from '../../../ui/errorMessage';
import { formatDay } from '../../../ui/formatTime';
import { weeksMoved } from '../../../shared/jobs/moveSummary';
import { useUndoReallocation } from './useUndoReallocation';
import './reallocation.css';
import { queryKeys } from '../../../api/queryKeys';

export const historyKey = queryKeys.deliverables.reallocations;

interface Props {
  deliverable: Pick<Deliverable, 'id' | 'description'>;
  canEdit: boolean;
}

export function ReallocationHistory({ deliverable, canEdit }: Props) {
  const history = useQuery({ queryKey: historyKey(deliverable.id), queryFn: ({ signal }) => fetchReallocations(deliverable.id, signal) });
  const undo = useUndoReallocation();
  const name = deliverable.description;
  const undoable = history.data?.find((move) => !move.undoneAt)?.id;

  if (history.error) return <FormAlert tone="error">{errorMessage(history.error)}</FormAlert>;
  if (!history.data) return <p className="muted" role="status">Loading the date moves of {name}…</p>;
  if (history.data.length === 0) return <p className="muted">Changing the date of {name} has not moved any planned hours yet.</p>;

  return (
    <table className="data-table reallocation-history" aria-label={`Date moves of ${name}`}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Date</th>
          <th scope="col">Hours moved</th>
          <th scope="col" className="num">Assignments</th>
          <th scope="col">Undone</th>
        </tr>
      </thead>
      <tbody>
        {history.data.map((move) => (
          <tr key={move.id}>
            <td><RelativeTime iso={move.createdAt} /></td>
            <td>{move.requestedByName ?? 'Someone no longer here'}</td>
            <td>
              {formatDay(move.oldDate)} <span aria-hidden="true">→</span><span className="visually-hidden">to</span> {formatDay(move.newDate)}
            </td>
            <td>{weeksMoved(move.deltaWeeks)}</td>
            <td className="num">{move.assignmentsChanged}</td>
            <td>
              <UndoneCell move={move} canUndo={canEdit && move.id === undoable} pending={undo.isPending}
                onUndo={() => undo.mutate(deliverable)} name={name} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface UndoneProps {
  move: ReallocationRecord;
  canUndo: boolean;
  pending: boolean;
  name: string;
  onUndo: () => void;
}

function UndoneCell({ move, canUndo, pending, name, onUndo }: UndoneProps) {
  if (move.undoneAt) {
    return (
      <>
        Undone <RelativeTime iso={move.undoneAt} />
        {move.undoneByName && ` by ${move.undoneByName}`}
      </>
    );
  }
  if (!canUndo) return <span className="muted">No</span>;
  return (
    <button type="button" className="button button--quiet button--small" disabled={pending} onClick={onUndo}>
      {pending ? 'Undoing…' : 'Undo'} <span className="visually-hidden">{`the latest move of ${name}`}</span>
    </button>
  );
}
