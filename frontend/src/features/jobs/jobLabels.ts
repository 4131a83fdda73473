// Words for jobs: kinds, states (with an icon and a tone, so colour never carries the
// meaning alone), queues, attempts, the caption beside the progress bar and a one-line
// summary of what a finished job produced. Pure functions, shared by every jobs component.
import { importReportOf } from '../../api/imports';
import type { Job, JobKind, JobState, Queue } from '../../api/jobs';
import { reportSummary } from '../imports/importReport';
import { movedSummary, summaryOfJob } from '../reallocation/reallocationWords';

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

function field(result: unknown, key: string): string | number | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  const value = (result as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

function plural(count: number | string | undefined, one: string, many: string): string {
  return `${count ?? 0} ${Number(count ?? 0) === 1 ? one : many}`;
}

/**
 * What a succeeded job produced, in one line: each kind's result read by name, and any
 * other result (or one missing the expected fields) as its plain fields. Null when there
 * is nothing to say.
 */
export function summarizeResult(job: Pick<Job, 'kind' | 'result'>): string | null {
  const { result } = job;
  if (result === null || result === undefined) return null;
  return kindSummary(job.kind, result) ?? genericSummary(result);
}

function kindSummary(kind: JobKind, result: unknown): string | null {
  switch (kind) {
    case 'probe': {
      const steps = field(result, 'steps');
      const queue = field(result, 'queue');
      const worker = field(result, 'worker');
      if (steps === undefined) return null;
      const queueName = typeof queue === 'string' && queue in QUEUE_LABELS ? QUEUE_LABELS[queue as Queue] : queue;
      return [plural(steps, 'step', 'steps'), queueName && `on ${queueName}`, worker && `by ${worker}`].filter(Boolean).join(' ');
    }
    case 'warm_cache': {
      const warmed = field(result, 'warmed');
      return typeof warmed === 'number' ? `${plural(warmed, 'view', 'views')} ready` : null;
    }
    case 'housekeeping': {
      const jobs = field(result, 'jobsDeleted');
      const entries = field(result, 'queueEntriesCleared');
      if (jobs === undefined && entries === undefined) return null;
      return `Deleted ${plural(jobs, 'old job', 'old jobs')}, cleared ${plural(entries, 'queue entry', 'queue entries')}`;
    }
    case 'email': {
      const template = field(result, 'template');
      const to = field(result, 'to');
      if (template === undefined && to === undefined) return null;
      return ['Sent', template !== undefined && `“${String(template).replaceAll('_', ' ')}”`, to !== undefined && `to ${to}`]
        .filter(Boolean)
        .join(' ');
    }
    case 'import': {
      const report = importReportOf({ kind, result });
      return report && reportSummary(report);
    }
    case 'export': {
      const rows = field(result, 'rows');
      return rows === undefined ? null : `${plural(rows, 'row', 'rows')} written`;
    }
    case 'reallocate': {
      const summary = summaryOfJob({ result });
      return summary && movedSummary(summary);
    }
    case 'verify_loads': {
      const repaired = field(result, 'repaired');
      if (repaired === undefined) return null;
      return repaired === 0 ? 'Weekly loads match their sum' : `Repaired ${plural(repaired, 'drifted weekly load', 'drifted weekly loads')}`;
    }
    case 'backup': {
      const archive = field(result, 'archive');
      if (archive === undefined) return null;
      const expired = (result as { expired?: unknown }).expired;
      const removed = Array.isArray(expired) && expired.length > 0 ? `; ${plural(expired.length, 'old backup', 'old backups')} removed` : '';
      return `${archive} written${removed}`;
    }
  }
}

/** Any result as its plain fields, "warmed: 3, weekOf: …", or null. */
export function genericSummary(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    return typeof result === 'string' || typeof result === 'number' ? String(result) : null;
  }
  const parts = Object.keys(result)
    .map((key) => [key, field(result, key)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
