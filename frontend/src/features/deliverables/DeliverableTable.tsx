// The deliverables table, in the project's order. Editors reorder by dragging a row's
// handle (a line shows where it will land) or with Alt+ArrowUp/Down; after a keyboard
// move focus stays on the moved row's handle and the new position is announced.
import { useEffect, useId, useRef, useState } from 'react';
import type { Deliverable } from '../../api/deliverables';
import { DeliverableRow } from './DeliverableRow';
import type { SaveDeliverable } from './useDeliverables';
import { useRowDrag } from './useRowDrag';

interface Props {
  rows: Deliverable[];
  canEdit: boolean;
  save: SaveDeliverable;
  move: (from: number, to: number) => void;
  onDelete: (deliverable: Deliverable) => void;
}

export function DeliverableTable({ rows, canEdit, save, move, onDelete }: Props) {
  const hintId = useId();
  const table = useRef<HTMLTableElement>(null);
  const focusAfterMove = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const order = rows.map((row) => row.id).join(',');

  useEffect(() => {
    const id = focusAfterMove.current;
    focusAfterMove.current = null;
    if (id !== null) table.current?.querySelector<HTMLElement>(`[data-move-handle="${id}"]`)?.focus();
  }, [order]);

  function moveRow(from: number, to: number) {
    const row = rows[from];
    if (!row || from === to || to < 0 || to >= rows.length) return;
    focusAfterMove.current = row.id;
    setAnnouncement(`${row.description} moved to position ${to + 1} of ${rows.length}.`);
    move(from, to);
  }

  const drag = useRowDrag(moveRow);

  return (
    <>
      <table ref={table} className={`data-table deliverables-table${drag.dragging ? ' is-dragging' : ''}`} aria-label="Deliverables">
        <thead>
          <tr>
            {canEdit && <th scope="col"><span className="visually-hidden">Order</span></th>}
            <th scope="col">Deliverable</th>
            <th scope="col" className="num">%</th>
            <th scope="col">Date</th>
            <th scope="col">Completed</th>
            <th scope="col">Notes</th>
            {canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <DeliverableRow key={row.id} deliverable={row} canEdit={canEdit} hintId={hintId} save={save}
              onStep={(delta) => moveRow(index, index + delta)} onDelete={() => onDelete(row)}
              rowProps={drag.rowProps(index)} handleProps={drag.handleProps(index)} />
          ))}
        </tbody>
      </table>
      {canEdit && (
        <p id={hintId} className="muted deliverables-hint">
          Drag <span aria-hidden="true">⠿</span> to reorder, or press Alt+↑ / Alt+↓ in a row. Click a value (or press Enter on it) to change it.
        </p>
      )}
      <p className="visually-hidden" role="status">{announcement}</p>
    </>
  );
}
