// A finished job's result in one line, read by its kind ("8 steps on Maintenance",
// "Imported people.csv: 2 people created"), or any other result as its plain fields.
// Pure functions, for the jobs list and the toasts.
import { importReportOf } from '../../api/imports';
import type { Job, JobKind, Queue } from '../../api/jobs';
import { reportSummary } from './importSummary';
import { QUEUE_LABELS } from './jobLabels';
import { movedSummary, summaryOfJob } from './moveSummary';

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
