// Background jobs: the list (people see their own, admins everyone's), one job (with
// `Prefer: wait=N` to wait for it to end), the file a finished job left (an import's full
// report), cancel and retry, and the admins' per-queue
// figures, schedules and the probe / cache warm-up they start by hand. Typed from the
// generated OpenAPI schema.
import { AS_FILE, api, read, readFile } from './http';
import type { DownloadedFile } from './request';
import type { components } from './schema';
import { queryKeys } from './queryKeys';

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

/**
 * What starting a job answers: 202 with the queued job, or 200 with the job itself when
 * it already ended (a wait was asked for, or the same work was already done).
 */
export type StartedJob = QueuedJob | Job;

export function startedJobId(answer: StartedJob): number {
  return 'jobId' in answer ? answer.jobId : answer.id;
}

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
  const query = {
    page: filters.page,
    pageSize: JOBS_PAGE_SIZE,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.queue ? { queue: filters.queue } : {}),
    ...(filters.requestedBy !== null ? { requestedBy: filters.requestedBy } : {}),
  };
  return read(api.GET('/api/jobs', { params: { query }, signal: signal ?? null }));
}

/** One job; with `waitSeconds` (at most 10) the server answers once it ends or the wait is over. */
export function fetchJob(id: number, { waitSeconds, signal }: { waitSeconds?: number; signal?: AbortSignal } = {}): Promise<Job> {
  return read(
    api.GET('/api/jobs/{id}', {
      params: { path: { id } },
      signal: signal ?? null,
      ...(waitSeconds ? { headers: { Prefer: `wait=${Math.min(10, waitSeconds)}` } } : {}),
    }),
  );
}

/** The file a succeeded job left (an import's full report), as its result names it under `download`. */
export function downloadJobFile(id: number): Promise<DownloadedFile> {
  return readFile(api.GET('/api/jobs/{id}/download', { params: { path: { id } }, ...AS_FILE }));
}

/** A queued job ends at once; a running one is asked to stop (`cancelRequested`). */
export function cancelJob(id: number): Promise<Job> {
  return read(api.POST('/api/jobs/{id}/cancel', { params: { path: { id } } }));
}

/** Admins: queues a failed or cancelled job again. */
export function retryJob(id: number): Promise<Job> {
  return read(api.POST('/api/jobs/{id}/retry', { params: { path: { id } } }));
}

export function fetchJobStats(signal?: AbortSignal): Promise<JobStats> {
  return read(api.GET('/api/jobs/stats', { signal: signal ?? null }));
}

export function fetchSchedules(signal?: AbortSignal): Promise<Schedule[]> {
  return read(api.GET('/api/jobs/schedules', { signal: signal ?? null })).then((list) => list.items);
}

/** Admins: starts a probe, a diagnostic job that walks through its steps on a queue. */
export function startProbe(probe: ProbeRequest): Promise<StartedJob> {
  return read(api.POST('/api/jobs/probe', { body: probe }));
}

/** Admins: starts a cache warm-up (or answers the one already waiting). */
export function startWarmCache(): Promise<StartedJob> {
  return read(api.POST('/api/jobs/warm-cache'));
}

/** Everything cached about jobs sits under this key, so one invalidation refreshes it all. */
export const JOBS_QUERY_KEY = queryKeys.jobs.all;
