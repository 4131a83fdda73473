// One deliverable in the table: drag handle, description, percentage and date (each
// edited in place), completion, notes and delete. The notes and the history of the
// date's hour moves expand into rows of their own. Alt+ArrowUp/Down anywhere in the row
// moves it. Readers see the same values as text.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Deliverable } from '../../api/deliverables';
import { ReallocationHistory } from './reallocation/ReallocationHistory';
import { Completion } from './Completion';
import { DeliverableNotes, NotesToggle } from './DeliverableNotes';
import { fieldText, formatPercentage, parseField, type InlineField as Field } from './deliverableFields';
import { formatDay } from '../../ui/formatTime';
import { InlineField } from './InlineField';
import type { SaveDeliverable } from './useDeliverables';
import type { HandleDragProps, RowDragProps } from './useRowDrag';

interface Props {
  deliverable: Deliverable;
  canEdit: boolean;
  /** Id of the words explaining how to reorder. */
  hintId: string;
  save: SaveDeliverable;
  onStep: (delta: -1 | 1) => void;
  onDelete: () => void;
  /** Drag-and-drop props for the row and its handle (used for editors only). */
  rowProps: RowDragProps;
  handleProps: HandleDragProps;
}

/** The InlineField props for one field: its label, starting text and save. */
function inline(deliverable: Deliverable, key: Field, label: string, canEdit: boolean, save: SaveDeliverable) {
  return {
    label: `${label} of ${deliverable.description}`,
    value: fieldText(deliverable, key),
    readOnly: !canEdit,
    onSave: async (text: string) => {
      const parsed = parseField(key, text);
      return 'problem' in parsed ? parsed.problem : save(deliverable, parsed.changes, key);
    },
  };
}

/** Alt+ArrowUp/Down, except where arrows belong to a text or date input. */
function stepOf(event: KeyboardEvent<HTMLElement>): -1 | 1 | null {
  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return null;
  if ((event.target as HTMLElement).matches('textarea, input:not([type="checkbox"])')) return null;
  return event.key === 'ArrowUp' ? -1 : 1;
}

export function DeliverableRow({ deliverable, canEdit, hintId, save, onStep, onDelete, rowProps, handleProps }: Props) {
  const [notesOpen, setNotesOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const notesButton = useRef<HTMLButtonElement>(null);
  const name = deliverable.description;
  const notesId = `deliverable-notes-${deliverable.id}`;
  const historyId = `deliverable-history-${deliverable.id}`;
  const columns = canEdit ? 7 : 5;
  const field = (key: Field, label: string) => inline(deliverable, key, label, canEdit, save);

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    const step = stepOf(event);
    if (step === null) return;
    event.preventDefault();
    onStep(step);
  }

  return (
    <>
      <tr className="deliverable" {...(canEdit ? { ...rowProps, onKeyDown } : {})}>
        {canEdit && (
          <td className="deliverable__handle">
            <button type="button" className="drag-handle" data-move-handle={deliverable.id} aria-describedby={hintId} {...handleProps}>
              <span aria-hidden="true">⠿</span>
              <span className="visually-hidden">{`Move ${name}`}</span>
            </button>
          </td>
        )}
        <th scope="row">
          <InlineField {...field('description', 'Description')} display={name} maxLength={200} />
        </th>
        <td className="num">
          <InlineField {...field('percentage', 'Percentage')} display={formatPercentage(deliverable.percentage)} inputMode="numeric" maxLength={3} />
        </td>
        <td className="deliverable__date">
          <InlineField {...field('date', 'Date')} display={formatDay(deliverable.date)} type="date" />
          <button type="button" className="history-toggle" aria-expanded={historyOpen} aria-controls={historyOpen ? historyId : undefined}
            onClick={() => setHistoryOpen((open) => !open)}>
            History <span className="visually-hidden">{`of the date moves of ${name}`}</span>
          </button>
        </td>
        <td>
          <Completion deliverable={deliverable} canEdit={canEdit} save={save} />
        </td>
        <td className="deliverable__notes-cell">
          {(canEdit || deliverable.notes) && (
            <NotesToggle ref={notesButton} name={name} notes={deliverable.notes} open={notesOpen} controls={notesId}
              onToggle={() => setNotesOpen((open) => !open)} />
          )}
        </td>
        {canEdit && (
          <td>
            <button type="button" className="button button--quiet button--small" onClick={onDelete}>
              Delete <span className="visually-hidden">{name}</span>
            </button>
          </td>
        )}
      </tr>
      {notesOpen && (
        <tr id={notesId} className="deliverable-notes-row">
          <td colSpan={columns}>
            <DeliverableNotes deliverable={deliverable} canEdit={canEdit} save={save}
              onClose={() => { setNotesOpen(false); notesButton.current?.focus(); }} />
          </td>
        </tr>
      )}
      {historyOpen && (
        <tr id={historyId} className="deliverable-notes-row">
          <td colSpan={columns}>
            <ReallocationHistory deliverable={deliverable} canEdit={canEdit} />
          </td>
        </tr>
      )}
    </>
  );
}
