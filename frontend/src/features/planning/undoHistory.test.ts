// The undo history: one entry per action, newest first out, bounded, and refused cells
// forgotten so an undo never restores a value the server turned down.
import { describe, expect, it } from 'vitest';
import { revertEdits, UndoHistory, type UndoEntry } from './undoHistory';

const W1 = '2026-11-22';
const W2 = '2026-11-29';

const entry = (assignmentId: number, week: string, before: number, after: number): UndoEntry => [{ assignmentId, week, before, after }];

describe('UndoHistory', () => {
  it('gives back actions newest first and ignores empty ones', () => {
    const history = new UndoHistory();
    history.record(entry(7, W1, 0, 8));
    history.record([]);
    history.record([
      { assignmentId: 7, week: W1, before: 8, after: 6 },
      { assignmentId: 7, week: W2, before: 0, after: 6 },
    ]);
    expect(history.size).toBe(2);
    expect(revertEdits(history.pop()!)).toEqual([
      { assignmentId: 7, week: W1, hours: 8 },
      { assignmentId: 7, week: W2, hours: 0 },
    ]);
    expect(revertEdits(history.pop()!)).toEqual([{ assignmentId: 7, week: W1, hours: 0 }]);
    expect(history.pop()).toBeUndefined();
  });

  it('keeps only the newest actions up to its limit', () => {
    const history = new UndoHistory(3);
    for (let hours = 1; hours <= 5; hours += 1) history.record(entry(7, W1, hours - 1, hours));
    expect(history.size).toBe(3);
    expect(history.pop()![0]!.after).toBe(5);
    expect(history.pop()![0]!.after).toBe(4);
    expect(history.pop()![0]!.after).toBe(3);
    expect(history.pop()).toBeUndefined();
  });

  it('forgets every action touching a refused cell, so undo cannot bring its values back', () => {
    const history = new UndoHistory();
    history.record(entry(8, W1, 0, 2));
    history.record(entry(7, W1, 4, 8));
    // A range that includes the refused cell goes as a whole.
    history.record([
      { assignmentId: 7, week: W1, before: 8, after: 9 },
      { assignmentId: 7, week: W2, before: 0, after: 9 },
    ]);
    history.dropTouching([{ assignmentId: 7, week: W1, hours: 9 }]);
    expect(history.size).toBe(1);
    expect(history.pop()).toEqual(entry(8, W1, 0, 2));
  });
});
