// Test data for jobs (every screen that follows one) and the jobs screen: jobs, queue
// figures and schedules shaped like the API's answers, and a fetch stub that answers the
// job routes from a handler first, then with an empty list, empty figures and no
// schedules (departments and anything else as in the people screens' stub).
import type { Job, JobStats, QueueStats, Schedule } from '../api/jobs';
import { QUEUES } from '../api/jobs';
import { jsonResponse } from './render';
import { serveApi } from './peopleData';

export function makeJob(overrides: Partial<Job> & Pick<Job, 'id'>): Job {
  return {
    kind: 'probe',
    queue: 'maintenance',
    state: 'succeeded',
    stage: null,
    progress: 0,
    message: null,
    result: null,
    error: null,
    attempts: 1,
    maxAttempts: 3,
    cancelRequested: false,
    nextAttemptAt: null,
    requestedBy: 1,
    requestedByName: 'alice',
    createdAt: '2025-03-01T12:00:00Z',
    updatedAt: '2025-03-01T12:00:00Z',
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

export function makeQueueStats(overrides: Partial<QueueStats> & Pick<QueueStats, 'queue'>): QueueStats {
  return {
    queued: 0,
    delayed: 0,
    running: 0,
    succeededLastHour: 0,
    failedLastHour: 0,
    oldestWaitingSeconds: null,
    runSecondsP50: null,
    runSecondsP95: null,
    ...overrides,
  };
}

export function makeStats(queues: Partial<Record<QueueStats['queue'], Partial<QueueStats>>> = {}, workersAlive: number | null = 1): JobStats {
  return {
    generatedAt: '2025-03-01T12:00:00Z',
    workersAlive,
    queues: QUEUES.map((queue) => makeQueueStats({ queue, ...queues[queue] })),
  };
}

export function makeSchedule(overrides: Partial<Schedule> & Pick<Schedule, 'name'>): Schedule {
  return {
    description: 'Compute the most used dashboard views ahead of their readers.',
    kind: 'warm_cache',
    queue: 'cache',
    cron: '*/15 * * * *',
    enabled: true,
    nextRun: '2030-01-01T00:15:00Z',
    lastRun: null,
    ...overrides,
  };
}

export function jobPage(items: Job[], total = items.length, page = 1) {
  return { items, page, pageSize: 25, total };
}

type Handler = (url: URL, init: RequestInit) => Response | undefined;

/** Stubs fetch for the jobs screen; `handlers` answer first. */
export function serveJobs(...handlers: Handler[]) {
  return serveApi(...handlers, (url) => {
    if (url.pathname === '/api/jobs') return jsonResponse(jobPage([]));
    if (url.pathname === '/api/jobs/stats') return jsonResponse(makeStats());
    if (url.pathname === '/api/jobs/schedules') return jsonResponse({ items: [] });
    return undefined;
  });
}
