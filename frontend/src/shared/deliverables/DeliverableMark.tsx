// The marker of a week in which a project has deliverables: a shape (◆ due, ✓ all
// completed) with the deliverables in words as its accessible name and tooltip, so it
// never speaks by colour alone. Several in one week share one mark with their count.
import { dueSummary, type DueDeliverable } from './deliverableWeeks';
import './deliverableMark.css';

export function DeliverableMark({ dues }: { dues: readonly DueDeliverable[] }) {
  if (dues.length === 0) return null;
  const done = dues.every((due) => due.completed);
  const label = dueSummary(dues);
  return (
    <span role="img" className={`deliverable-mark deliverable-mark--${done ? 'done' : 'due'}`} aria-label={label} title={label}>
      {done ? '✓' : '◆'}
      {dues.length > 1 && <span className="deliverable-mark__count">{dues.length}</span>}
    </span>
  );
}
