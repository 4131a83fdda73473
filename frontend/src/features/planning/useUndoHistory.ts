// Ctrl+Z for a grid whose edits go through a SaveQueue: `edit` queues a user's action
// and records the cells' values before it; `undo` puts back the newest action's cells
// through the same queue (optimistic, rolled back if refused), skipping actions that
// no longer change anything. Refused batches are forgotten (see UndoHistory).
import { useEffect, useState } from 'react';
import { cellKey, type CellEdit } from './gridModel';
import type { SaveQueue } from './saveQueue';
import { revertEdits, UndoHistory } from './undoHistory';

/** A cell's hours as last loaded from the server (undefined when not loaded). */
export type SavedHours = (assignmentId: number, week: string) => number | undefined;

export function useUndoHistory(queue: SaveQueue, savedHours: SavedHours) {
  const [history] = useState(() => new UndoHistory());
  useEffect(() => queue.onRefused((edits) => history.dropTouching(edits)), [queue, history]);

  /** What the cell shows now: an unsaved value first, else the loaded one. */
  function shownHours(assignmentId: number, week: string): number | undefined {
    return queue.getState().overlay.get(cellKey(assignmentId, week)) ?? savedHours(assignmentId, week);
  }

  return {
    /** Queues one user action's edits as one undoable step. */
    edit: (edits: CellEdit[]) => {
      history.record(edits.map(({ assignmentId, week, hours }) => ({ assignmentId, week, before: shownHours(assignmentId, week) ?? 0, after: hours })));
      queue.edit(edits);
    },
    /** Reverts the newest action that still changes something; answers its edits (none when nothing is left). */
    undo: (): CellEdit[] => {
      for (let entry = history.pop(); entry; entry = history.pop()) {
        const edits = revertEdits(entry).filter((edit) => shownHours(edit.assignmentId, edit.week) !== edit.hours);
        if (edits.length > 0) {
          queue.edit(edits);
          return edits;
        }
      }
      return [];
    },
  };
}
