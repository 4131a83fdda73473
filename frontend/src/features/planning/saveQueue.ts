// The save queue behind optimistic hour edits, framework-free: edits land in an overlay
// at once, and after a short pause every pending cell goes out in one batched PATCH
// with each row's version. One batch is in flight at a time; edits made meanwhile wait
// for the next. Success hands the batch to onSaved (which writes it into the cache);
// failure drops it from the overlay (the cells roll back) and hands it to onFailed
// and to every onRefused listener (the undo history forgets those values).
import type { HoursResult, HoursUpdate } from '../../api/planning';
import { cellKey, type CellEdit, type Overlay } from './gridModel';

export interface SaveQueueOptions {
  send: (updates: HoursUpdate[]) => Promise<HoursResult[]>;
  /** The version of a row as the grid last loaded it. */
  currentVersion: (assignmentId: number) => number | undefined;
  onSaved: (edits: CellEdit[], results: HoursResult[]) => void;
  onFailed: (error: unknown, edits: CellEdit[]) => void;
  delayMs?: number;
}

export interface QueueState {
  overlay: Overlay;
  saving: boolean;
  outcome: 'none' | 'saved' | 'failed';
}

export const SAVE_DELAY_MS = 400;

export class SaveQueue {
  private pending = new Map<string, CellEdit>();
  private inFlight = new Map<string, CellEdit>();
  /** Versions the server answered with; rows only move forward, so the higher wins. */
  private versions = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<() => void>();
  private refusedListeners = new Set<(edits: CellEdit[]) => void>();
  private state: QueueState = { overlay: new Map(), saving: false, outcome: 'none' };

  constructor(private readonly options: SaveQueueOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): QueueState => this.state;

  /** Calls `listener` with each refused batch; answers the unsubscribe. */
  onRefused(listener: (edits: CellEdit[]) => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  edit(edits: readonly CellEdit[]): void {
    for (const edit of edits) this.pending.set(cellKey(edit.assignmentId, edit.week), edit);
    this.publish();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? SAVE_DELAY_MS);
  }

  /** Sends everything pending now (unless a batch is in flight; it follows that one). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight.size > 0 || this.pending.size === 0) return;
    this.inFlight = this.pending;
    this.pending = new Map();
    const edits = [...this.inFlight.values()];
    let outcome: QueueState['outcome'] = 'saved';
    try {
      const results = await this.options.send(this.updatesFor(edits));
      for (const { assignmentId, version } of results) this.versions.set(assignmentId, version);
      this.options.onSaved(edits, results);
    } catch (error) {
      outcome = 'failed';
      this.options.onFailed(error, edits);
      this.refusedListeners.forEach((listener) => listener(edits));
    }
    this.inFlight = new Map();
    this.publish(outcome);
    if (this.pending.size > 0) void this.flush();
  }

  private updatesFor(edits: readonly CellEdit[]): HoursUpdate[] {
    const rows = new Map<number, HoursUpdate>();
    for (const { assignmentId, week, hours } of edits) {
      let row = rows.get(assignmentId);
      if (!row) {
        row = { assignmentId, weeklyHours: {} };
        const version = Math.max(this.versions.get(assignmentId) ?? -1, this.options.currentVersion(assignmentId) ?? -1);
        if (version >= 0) row.version = version;
        rows.set(assignmentId, row);
      }
      row.weeklyHours[week] = hours;
    }
    return [...rows.values()];
  }

  private publish(outcome: QueueState['outcome'] = this.state.outcome): void {
    const overlay = new Map<string, number>();
    for (const [key, edit] of this.inFlight) overlay.set(key, edit.hours);
    for (const [key, edit] of this.pending) overlay.set(key, edit.hours);
    const saving = this.pending.size + this.inFlight.size > 0;
    this.state = { overlay, saving, outcome: saving ? this.state.outcome : outcome };
    this.listeners.forEach((listener) => listener());
  }
}
