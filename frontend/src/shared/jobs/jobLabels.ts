// Words for jobs: kinds, states (with an icon and a tone, so colour never carries the
// meaning alone), queues, attempts and the caption beside the progress bar (what a
// finished job produced is jobResults.ts's). Pure functions, shared by every job screen.
import type { Job, JobKind, JobState, Queue } from '../../api/jobs';

export const KIND_LABELS: Record<JobKind, string> = {
  warm_cache: 'Cache warm-up',
  email: 'Email',
  probe: 'Probe',
  housekeeping: 'Housekeeping',
  import: 'Import',
  export: 'Export',
  reallocate: 'Hour reallocation',
  verify_loads: 'Load check',
  backup: 'Database backup',
};

export const QUEUE_LABELS: Record<Queue, string> = {
  mail: 'Mail',
  cache: 'Cache',
  imports: 'Imports',
  exports: 'Exports',
  reallocations: 'Reallocations',
  backups: 'Backups',
  maintenance: 'Maintenance',
};

export type StateTone = 'waiting' | 'active' | 'good' | 'bad' | 'quiet';

export const STATE_LOOK: Record<JobState, { word: string; icon: string; tone: StateTone }> = {
  queued: { word: 'Queued', icon: '◷', tone: 'waiting' },
  running: { word: 'Running', icon: '▶', tone: 'active' },
  succeeded: { word: 'Succeeded', icon: '✓', tone: 'good' },
  failed: { word: 'Failed', icon: '✕', tone: 'bad' },
  cancelled: { word: 'Cancelled', icon: '⊘', tone: 'quiet' },
};

/** "Probe #12": how a job is named in buttons, dialogs and toasts. */
export function jobTitle(job: Pick<Job, 'id' | 'kind'>): string {
  return `${KIND_LABELS[job.kind]} #${job.id}`;
}

/** "Attempt 2 of 3", or that it has not started yet. */
export function attemptsText(job: Pick<Job, 'attempts' | 'maxAttempts'>): string {
  if (job.attempts === 0) return `Not started (up to ${job.maxAttempts} ${job.maxAttempts === 1 ? 'attempt' : 'attempts'})`;
  return `Attempt ${job.attempts} of ${job.maxAttempts}`;
}

/** The progress bar's words: what it does now (or where it stopped), then the job's message. */
export function progressCaption(job: Job): { status: string; message: string | null } {
  const percent = `${clampPercent(job.progress)}%`;
  const message = job.message ?? null;
  switch (job.state) {
    case 'queued':
      return { status: job.nextAttemptAt ? 'Waiting to try again' : 'Waiting for a worker', message: null };
    case 'running':
      return { status: `${job.stage ?? 'Working'} · ${percent}`, message };
    case 'succeeded':
      return { status: `Done · ${percent}`, message: null };
    case 'failed':
    case 'cancelled':
      return { status: `Stopped at ${percent}`, message };
  }
}

/** Progress as the server sends it is 0-100; anything else is drawn at the nearest end. */
export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}
