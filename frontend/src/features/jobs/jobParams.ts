// The jobs screen's state in the query string (?kind=probe&state=failed&queue=mail&
// mine=1&page=2, or ?job=12 for one job), read and written by pure functions so a reload
// or a shared link shows the same list. Unknown values are dropped rather than sent on
// (the server would refuse them with invalid_query).
import { JOB_KINDS, JOB_STATES, QUEUES, type JobFilters, type JobKind, type JobState, type Queue } from '../../api/jobs';

export interface JobParams {
  kind: JobKind | null;
  state: JobState | null;
  queue: Queue | null;
  /** Admins: only the jobs they asked for (everyone else only ever sees their own). */
  mine: boolean;
  page: number;
  /** One job on its own (a schedule's last run links here), instead of the list. */
  job: number | null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function positive(value: string | null): number | null {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : null;
}

export function readJobParams(params: URLSearchParams): JobParams {
  return {
    kind: oneOf(JOB_KINDS, params.get('kind')),
    state: oneOf(JOB_STATES, params.get('state')),
    queue: oneOf(QUEUES, params.get('queue')),
    mine: params.get('mine') === '1',
    page: positive(params.get('page')) ?? 1,
    job: positive(params.get('job')),
  };
}

export function writeJobParams(value: JobParams): URLSearchParams {
  const params = new URLSearchParams();
  if (value.job !== null) params.set('job', String(value.job));
  if (value.kind) params.set('kind', value.kind);
  if (value.state) params.set('state', value.state);
  if (value.queue) params.set('queue', value.queue);
  if (value.mine) params.set('mine', '1');
  if (value.page > 1) params.set('page', String(value.page));
  return params;
}

/** Whether any filter narrows the list (the empty state then says so). */
export function isFiltered(value: JobParams): boolean {
  return value.kind !== null || value.state !== null || value.queue !== null || value.mine;
}

/** The list request for these params; "only mine" needs the signed-in user's id. */
export function toJobFilters(value: JobParams, userId: number | null): JobFilters {
  return {
    page: value.page,
    kind: value.kind,
    state: value.state,
    queue: value.queue,
    requestedBy: value.mine ? userId : null,
  };
}

/**
 * Whether a job of `kind` just started on `queue` shows at the top of this view and
 * stays while it runs and ends; when it would not (another page, kind, queue or any state
 * chosen, or one job shown), the screen goes back to the plain list so it does.
 */
export function showsNewJob(value: JobParams, kind: JobKind, queue: Queue): boolean {
  return (
    value.job === null &&
    value.page === 1 &&
    value.state === null &&
    (value.kind === null || value.kind === kind) &&
    (value.queue === null || value.queue === queue)
  );
}
