// The save queue: edits show at once, coalesce into one PATCH after the pause, carry
// and update row versions, and roll back (with the batch reported) when refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HoursResult, HoursUpdate } from '../../api/planning';
import { ApiError } from '../../api/errors';
import { SaveQueue, type SaveQueueOptions } from './saveQueue';

function makeQueue(send: (updates: HoursUpdate[]) => Promise<HoursResult[]>) {
  const options = {
    send: vi.fn(send),
    currentVersion: vi.fn((id: number) => ({ 7: 2, 8: 5 })[id]),
    onSaved: vi.fn(),
    onFailed: vi.fn(),
  } satisfies SaveQueueOptions;
  return { queue: new SaveQueue(options), options };
}

const ok = (updates: HoursUpdate[]) =>
  Promise.resolve(updates.map(({ assignmentId, version }) => ({ assignmentId, version: (version ?? 0) + 1 })));

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows edits at once and sends them together in one PATCH after the pause', async () => {
    const { queue, options } = makeQueue(ok);
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    queue.edit([{ assignmentId: 7, week: '2026-11-29', hours: 8 }]);
    queue.edit([
      { assignmentId: 8, week: '2026-11-22', hours: 4 },
      { assignmentId: 7, week: '2026-11-22', hours: 6 },
    ]);
    expect(queue.getState().overlay.get('7:2026-11-22')).toBe(6);
    expect(queue.getState().saving).toBe(true);
    await vi.advanceTimersByTimeAsync(399);
    expect(options.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(options.send).toHaveBeenCalledTimes(1);
    expect(options.send).toHaveBeenCalledWith([
      { assignmentId: 7, version: 2, weeklyHours: { '2026-11-22': 6, '2026-11-29': 8 } },
      { assignmentId: 8, version: 5, weeklyHours: { '2026-11-22': 4 } },
    ]);
    expect(options.onSaved).toHaveBeenCalledTimes(1);
    expect(queue.getState()).toEqual({ overlay: new Map(), saving: false, outcome: 'saved' });
  });

  it('sends the versions the server answered with in the next batch', async () => {
    const { queue, options } = makeQueue(ok);
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    await vi.advanceTimersByTimeAsync(400);
    queue.edit([{ assignmentId: 7, week: '2026-11-29', hours: 8 }]);
    await vi.advanceTimersByTimeAsync(400);
    expect(options.send).toHaveBeenLastCalledWith([{ assignmentId: 7, version: 3, weeklyHours: { '2026-11-29': 8 } }]);
  });

  it('rolls the batch back and reports it when the server refuses', async () => {
    const refused = new ApiError({ status: 412, code: 'precondition_failed', title: 'Changed' });
    const { queue, options } = makeQueue(() => Promise.reject(refused));
    const edits = [{ assignmentId: 7, week: '2026-11-22', hours: 8 }];
    queue.edit(edits);
    await vi.advanceTimersByTimeAsync(400);
    expect(options.onFailed).toHaveBeenCalledWith(refused, edits);
    expect(options.onSaved).not.toHaveBeenCalled();
    expect(queue.getState()).toEqual({ overlay: new Map(), saving: false, outcome: 'failed' });
  });

  it('keeps edits made during a save for the next batch', async () => {
    let answer: (results: HoursResult[]) => void = () => undefined;
    const { queue, options } = makeQueue(() => new Promise((resolve) => (answer = resolve)));
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    await vi.advanceTimersByTimeAsync(400);
    queue.edit([{ assignmentId: 8, week: '2026-11-22', hours: 2 }]);
    await vi.advanceTimersByTimeAsync(400);
    expect(options.send).toHaveBeenCalledTimes(1);
    expect(queue.getState().overlay.size).toBe(2);
    answer([{ assignmentId: 7, version: 3 }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(options.send).toHaveBeenCalledTimes(2);
    expect(options.send).toHaveBeenLastCalledWith([{ assignmentId: 8, version: 5, weeklyHours: { '2026-11-22': 2 } }]);
  });

  it('sends pending edits at once by keepalive when leaving, even beside a batch in flight', async () => {
    const answers: ((results: HoursResult[]) => void)[] = [];
    const { queue, options } = makeQueue(() => new Promise((resolve) => answers.push(resolve)));
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    await vi.advanceTimersByTimeAsync(400);
    queue.edit([
      { assignmentId: 7, week: '2026-11-29', hours: 3 },
      { assignmentId: 8, week: '2026-11-22', hours: 2 },
    ]);
    void queue.flush({ leaving: true });
    expect(options.send).toHaveBeenCalledTimes(2);
    // Row 7's version is about to move with the batch in flight, so it goes without one.
    expect(options.send).toHaveBeenLastCalledWith(
      [
        { assignmentId: 7, weeklyHours: { '2026-11-29': 3 } },
        { assignmentId: 8, version: 5, weeklyHours: { '2026-11-22': 2 } },
      ],
      { keepalive: true },
    );
    expect(queue.hasUnsaved()).toBe(true);
    answers[0]?.([{ assignmentId: 7, version: 3 }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getState().overlay.get('7:2026-11-29')).toBe(3);
    answers[1]?.([{ assignmentId: 7, version: 4 }, { assignmentId: 8, version: 6 }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(options.send).toHaveBeenCalledTimes(2);
    expect(queue.hasUnsaved()).toBe(false);
    expect(queue.getState().overlay.size).toBe(0);
  });

  it('knows when pending edits are too big for keepalive', () => {
    const { queue } = makeQueue(ok);
    queue.edit([{ assignmentId: 7, week: '2026-11-22', hours: 8 }]);
    expect(queue.fitsKeepalive()).toBe(true);
    const many = Array.from({ length: 3000 }, (_, id) => ({ assignmentId: 100 + id, week: '2026-11-22', hours: 8 }));
    queue.edit(many);
    expect(queue.fitsKeepalive()).toBe(false);
  });
});
