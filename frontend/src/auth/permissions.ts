// Who may change what, mirroring the server's rules so the UI hides controls people
// could not use anyway (the server still decides).
import { isActive, type Job } from '../api/jobs';
import type { Me } from '../api/types';

/** Departments and roles: managers and admins change them; everyone signed in reads. */
export function canEditReferenceData(user: Me | null): boolean {
  return user?.role === 'manager' || user?.role === 'admin';
}

/** Spreadsheet imports: managers and admins load people and projects from files. */
export function canImport(user: Me | null): boolean {
  return user?.role === 'manager' || user?.role === 'admin';
}

type JobAccess = Pick<Job, 'state' | 'requestedBy' | 'cancelRequested'>;

/** Jobs: who asked for one, or an admin, may cancel it while it is queued or running. */
export function canCancelJob(user: Me | null, job: JobAccess): boolean {
  if (!user || !isActive(job) || job.cancelRequested) return false;
  return user.role === 'admin' || job.requestedBy === user.id;
}

/** Only admins queue a failed or cancelled job again. */
export function canRetryJob(user: Me | null, job: JobAccess): boolean {
  return user?.role === 'admin' && (job.state === 'failed' || job.state === 'cancelled');
}
