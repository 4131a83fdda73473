// The jobs table: its headers and one row per job. Rows are keyed by job id, so a
// refresh updates them in place (focus and scroll stay); the columns have fixed widths,
// so a changing message or a button that comes and goes does not shift the others.
import type { Job } from '../../api/jobs';
import { JobRow } from './JobRow';

export function JobsTable({ jobs, caption, onQueued }: { jobs: Job[]; caption: string; onQueued: (id: number) => void }) {
  return (
    <div className="jobs-table-scroll">
      <table className="data-table jobs-table" data-testid="jobs-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="jobs-table__job">Job</th>
            <th scope="col" className="jobs-table__state">State</th>
            <th scope="col" className="jobs-table__progress">Progress</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="jobs-table__attempts">Attempts</th>
            <th scope="col" className="jobs-table__requested">Requested</th>
            <th scope="col" className="jobs-table__actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} onQueued={onQueued} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
