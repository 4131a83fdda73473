// The save queue behind optimistic hour edits, framework-free: edits land in an overlay
// at once, and after a short pause every pending cell goes out in one batched PATCH
// with each row's version. One batch is in flight at a time; edits made meanwhile wait
// for the next. Success hands the batch to onSaved (which writes it into the cache);
// failure drops it from the overlay (the cells roll back) and hands it to onFailed
// and to every onRefused listener (the undo history forgets those values).
// As the page goes away, flush({ leaving: true }) sends what is pending at once with a
// keepalive request, even beside a batch in flight, when it fits keepalive's 64 KiB.
import type { HoursResult, HoursUpdate } from '../../api/planning';
import { cellKey, type CellEdit, type Overlay } from './gridModel';

/** How a batch goes out: `keepalive` lets it finish after the page has gone. */
export interface SendTransport {
  keepalive: true;
}

export interface SaveQueueOptions {
  send: (updates: HoursUpdate[], transport?: SendTransport) => Promise<HoursResult[]>;
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

/** Browsers refuse keepalive bodies above 64 KiB (all such requests of a page together). */
export const KEEPALIVE_MAX_BYTES = 64 * 1024;

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

  /** Whether any edit is not yet saved: waiting, or on its way. */
  hasUnsaved(): boolean {
    return this.pending.size + this.inFlight.size > 0;
  }

  /** Whether the pending edits fit in one keepalive request. */
  fitsKeepalive(): boolean {
    const body = JSON.stringify({ updates: this.updatesFor([...this.pending.values()]) });
    return new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
  }

  /**
   * Sends everything pending now. Normally a batch in flight goes first and this one
   * follows it; when `leaving`, there is no later, so it goes at once by keepalive.
   */
  async flush({ leaving = false } = {}): Promise<void> {
    clearTimeout(this.timer);
    if ((this.inFlight.size > 0 && !leaving) || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const edits = [...batch.values()];
    const updates = this.updatesFor(edits);
    for (const [key, edit] of batch) this.inFlight.set(key, edit);
    let outcome: QueueState['outcome'] = 'saved';
    try {
      const results = await (leaving ? this.options.send(updates, { keepalive: true }) : this.options.send(updates));
      for (const { assignmentId, version } of results) this.versions.set(assignmentId, version);
      this.options.onSaved(edits, results);
    } catch (error) {
      outcome = 'failed';
      this.options.onFailed(error, edits);
      this.refusedListeners.forEach((listener) => listener(edits));
    }
    // Only this batch's cells: a leaving batch may have gone out beside another one.
    for (const [key, edit] of batch) if (this.inFlight.get(key) === edit) this.inFlight.delete(key);
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
        // A row with a batch of ours in flight goes without a version: that batch moves it.
        if (version >= 0 && !this.isInFlight(assignmentId)) row.version = version;
        rows.set(assignmentId, row);
      }
      row.weeklyHours[week] = hours;
    }
    return [...rows.values()];
  }

  private isInFlight(assignmentId: number): boolean {
    for (const edit of this.inFlight.values()) if (edit.assignmentId === assignmentId) return true;
    return false;
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
