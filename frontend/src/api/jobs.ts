// Background jobs: the list (people see their own, admins everyone's), one job (with
// `Prefer: wait=N` to wait for it to end), the file a finished job left (an import's full
// report), cancel and retry, and the admins' per-queue
// figures, schedules and the probe / cache warm-up they start by hand. Typed from the
// generated OpenAPI schema.
import { apiFetch } from './client';
import type { DownloadedFile } from './request';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Job = Schemas['JobView'];
export type JobPage = Schemas['ListPage_JobView'];
export type JobKind = Job['kind'];
export type JobState = Job['state'];
export type Queue = Job['queue'];
export type JobStats = Schemas['JobStatsView'];
export type QueueStats = Schemas['QueueStatsView'];
export type Schedule = Schemas['ScheduleView'];
export type ProbeRequest = Schemas['ProbeBody'];
export type QueuedJob = Schemas['Queued'];

/**
 * Every value of the enums, in display order. `satisfies Record<…>` makes the compiler
 * notice a value the server adds (the schema is regenerated from the Rust code).
 */
const KIND_ORDER = { warm_cache: 0, email: 1, probe: 2, housekeeping: 3, import: 4, export: 5, reallocate: 6, verify_loads: 7, backup: 8 } satisfies Record<JobKind, number>;
const STATE_ORDER = { queued: 0, running: 1, succeeded: 2, failed: 3, cancelled: 4 } satisfies Record<JobState, number>;
const QUEUE_ORDER = {
  mail: 0,
  cache: 1,
  imports: 2,
  exports: 3,
  reallocations: 4,
  backups: 5,
  maintenance: 6,
} satisfies Record<Queue, number>;

export const JOB_KINDS = Object.keys(KIND_ORDER) as JobKind[];
export const JOB_STATES = Object.keys(STATE_ORDER) as JobState[];
export const QUEUES = Object.keys(QUEUE_ORDER) as Queue[];

/** A job in one of these states has not ended yet. */
export function isActive(job: Pick<Job, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export const JOBS_PAGE_SIZE = 25;

export interface JobFilters {
  page: number;
  kind: JobKind | null;
  state: JobState | null;
  queue: Queue | null;
  /** Only this user's jobs (admins; the server shows everyone else only their own). */
  requestedBy: number | null;
}

export function fetchJobs(filters: JobFilters, signal?: AbortSignal): Promise<JobPage> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(JOBS_PAGE_SIZE) });
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.state) query.set('state', filters.state);
  if (filters.queue) query.set('queue', filters.queue);
  if (filters.requestedBy !== null) query.set('requestedBy', String(filters.requestedBy));
  return apiFetch<JobPage>(`/jobs?${query.toString()}`, signal ? { signal } : {});
}

/** One job; with `waitSeconds` (at most 10) the server answers once it ends or the wait is over. */
export function fetchJob(id: number, { waitSeconds, signal }: { waitSeconds?: number; signal?: AbortSignal } = {}): Promise<Job> {
  return apiFetch<Job>(`/jobs/${id}`, {
    ...(signal ? { signal } : {}),
    ...(waitSeconds ? { headers: { Prefer: `wait=${Math.min(10, waitSeconds)}` } } : {}),
  });
}

/** The file a succeeded job left (an import's full report), as its result names it under `download`. */
export function downloadJobFile(id: number): Promise<DownloadedFile> {
  return apiFetch<DownloadedFile>(`/jobs/${id}/download`, { responseType: 'file' });
}

/** A queued job ends at once; a running one is asked to stop (`cancelRequested`). */
export function cancelJob(id: number): Promise<Job> {
  return apiFetch<Job>(`/jobs/${id}/cancel`, { method: 'POST' });
}

/** Admins: queues a failed or cancelled job again. */
export function retryJob(id: number): Promise<Job> {
  return apiFetch<Job>(`/jobs/${id}/retry`, { method: 'POST' });
}

export function fetchJobStats(signal?: AbortSignal): Promise<JobStats> {
  return apiFetch<JobStats>('/jobs/stats', signal ? { signal } : {});
}

export function fetchSchedules(signal?: AbortSignal): Promise<Schedule[]> {
  return apiFetch<Schemas['ScheduleList']>('/jobs/schedules', signal ? { signal } : {}).then((list) => list.items);
}

/** Admins: starts a probe, a diagnostic job that walks through its steps on a queue. */
export function startProbe(probe: ProbeRequest): Promise<QueuedJob> {
  return apiFetch<QueuedJob>('/jobs/probe', { method: 'POST', json: probe });
}

/** Admins: starts a cache warm-up (or answers the one already waiting). */
export function startWarmCache(): Promise<QueuedJob> {
  return apiFetch<QueuedJob>('/jobs/warm-cache', { method: 'POST' });
}

/** Everything cached about jobs sits under this key, so one invalidation refreshes it all. */
export const JOBS_QUERY_KEY = ['jobs'] as const;
