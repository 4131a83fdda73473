// Whether a deliverable is done, in words ("Done Nov 22, 2026" with the date the server
// recorded, or "Not done"); editors tick it off or reopen it with a checkbox, shown
// with just the date (the words stay for screen readers).
import { useId, useState } from 'react';
import type { Deliverable } from '../../api/deliverables';
import { useToast } from '../../ui/toast/useToast';
import { formatDay } from '../../ui/formatTime';
import type { SaveDeliverable } from './useDeliverables';

interface Props {
  deliverable: Deliverable;
  canEdit: boolean;
  save: SaveDeliverable;
}

export function Completion({ deliverable, canEdit, save }: Props) {
  // The state asked for while the save is under way.
  const [pending, setPending] = useState<boolean | null>(null);
  const toast = useToast();
  const wordsId = useId();
  const done = pending ?? deliverable.isCompleted;
  const day = done && pending === null ? formatDay(deliverable.completedDate) : '';

  async function toggle(next: boolean) {
    setPending(next);
    const problem = await save(deliverable, { isCompleted: next }, 'isCompleted');
    setPending(null);
    if (problem) toast(`${deliverable.description} was not saved: ${problem}`, 'error');
  }

  if (!canEdit) return <span className="deliverable-done">{done ? `Done ${day}`.trim() : 'Not done'}</span>;
  return (
    <label className="deliverable-done">
      <input type="checkbox" aria-label={`${deliverable.description} completed`} checked={done}
        aria-describedby={wordsId} disabled={pending !== null} onChange={(event) => void toggle(event.target.checked)} />
      <span id={wordsId}>
        <span className="visually-hidden">{done ? 'Done' : 'Not done'}</span>
        {day && ` ${day}`}
      </span>
    </label>
  );
}
