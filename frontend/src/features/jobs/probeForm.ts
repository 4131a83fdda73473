// The "Run a test job" form's rules, the same as the server's (steps 0-100, a step
// 0-10000 ms; both whole numbers), checked before sending so a typo is explained at its
// field at once. The server's own field messages still show if it refuses.
import type { ProbeRequest, Queue } from '../../api/jobs';

export interface ProbeDraft {
  queue: Queue;
  steps: string;
  stepMillis: string;
}

export const DEFAULT_PROBE: ProbeDraft = { queue: 'maintenance', steps: '10', stepMillis: '500' };

export const MAX_STEPS = 100;
export const MAX_STEP_MILLIS = 10_000;

export type ProbeField = 'steps' | 'stepMillis';

function wholeNumber(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= max ? value : null;
}

/** The request body, or a message for each field that is not acceptable. */
export function checkProbe(draft: ProbeDraft): { body: ProbeRequest } | { errors: Partial<Record<ProbeField, string>> } {
  const steps = wholeNumber(draft.steps, MAX_STEPS);
  const stepMillis = wholeNumber(draft.stepMillis, MAX_STEP_MILLIS);
  const errors: Partial<Record<ProbeField, string>> = {};
  if (steps === null) errors.steps = `Enter a whole number of steps from 0 to ${MAX_STEPS}.`;
  if (stepMillis === null) errors.stepMillis = `Enter a whole number of milliseconds from 0 to ${MAX_STEP_MILLIS}.`;
  if (steps === null || stepMillis === null) return { errors };
  return { body: { queue: draft.queue, steps, stepMillis } };
}

/** "Takes about 4 s": how long the probe walks through its steps once a worker has it. */
export function probeDuration(draft: ProbeDraft): string | undefined {
  const checked = checkProbe(draft);
  if (!('body' in checked)) return undefined;
  const seconds = ((checked.body.steps ?? 0) * (checked.body.stepMillis ?? 0)) / 1000;
  if (seconds < 1) return 'Runs in under a second once a worker takes it.';
  const rounded = seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds);
  return `Runs for about ${rounded} s once a worker takes it.`;
}
