// The undo history of hour edits, framework-free: each entry is one user action (one
// cell committed, a range typed into or cleared) with every cell's value before and
// after it. Bounded, newest last. A refused save drops every entry touching a refused
// cell, so an undo never brings back a value the server turned down.
import { cellKey, type CellEdit } from './gridModel';

export interface UndoCell {
  assignmentId: number;
  week: string;
  before: number;
  after: number;
}

export type UndoEntry = readonly UndoCell[];

export const UNDO_LIMIT = 50;

export class UndoHistory {
  private entries: UndoEntry[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  get size(): number {
    return this.entries.length;
  }

  /** Records one action; the oldest entry goes once the limit is reached. */
  record(entry: UndoEntry): void {
    if (entry.length === 0) return;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  /** Removes and answers the newest entry. */
  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  /** Forgets every entry that changed one of these cells (their values were refused). */
  dropTouching(refused: readonly CellEdit[]): void {
    const keys = new Set(refused.map((edit) => cellKey(edit.assignmentId, edit.week)));
    this.entries = this.entries.filter((entry) => !entry.some((cell) => keys.has(cellKey(cell.assignmentId, cell.week))));
  }
}

/** The edits that put an entry's cells back to their values before it. */
export function revertEdits(entry: UndoEntry): CellEdit[] {
  return entry.map(({ assignmentId, week, before }) => ({ assignmentId, week, hours: before }));
}
