// Admins: the schedules that start jobs by themselves: what each does, its cron (UTC)
// or "Off", when it fires next, and how its latest run went, linked to that job.
import type { Schedule } from '../../api/jobs';
import { RelativeTime } from '../../ui/RelativeTime';
import { ScopedLink } from '../../shared/departmentScope/ScopedLink';
import { JobStateBadge } from './JobStateBadge';
import { KIND_LABELS } from '../../shared/jobs/jobLabels';

function LastRun({ run }: { run: Schedule['lastRun'] }) {
  if (!run) return <span className="muted">Not run yet</span>;
  return (
    <span className="jobs-schedule__run">
      <JobStateBadge state={run.state} />
      <ScopedLink to={`/jobs?job=${run.jobId}`}>Job #{run.jobId}</ScopedLink>
      <RelativeTime iso={run.slot} className="muted" />
    </span>
  );
}

export function SchedulesTable({ schedules }: { schedules: Schedule[] }) {
  return (
    <section aria-labelledby="jobs-schedules-title">
      <h2 id="jobs-schedules-title">Schedules</h2>
      {schedules.length === 0 ? (
        <p className="muted">No schedules are set up.</p>
      ) : (
        <table className="data-table jobs-schedules">
          <thead>
            <tr>
              <th scope="col">Schedule</th>
              <th scope="col">Cron (UTC)</th>
              <th scope="col">Next run</th>
              <th scope="col">Last run</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((schedule) => (
              <tr key={schedule.name} data-testid={`schedule-${schedule.name}`}>
                <th scope="row">
                  {schedule.name} <span className="muted">· {KIND_LABELS[schedule.kind]}</span>
                  <span className="job-row__sub">{schedule.description}</span>
                </th>
                <td>{schedule.enabled ? <code>{schedule.cron}</code> : <span className="tag">Off</span>}</td>
                <td>{schedule.nextRun ? <RelativeTime iso={schedule.nextRun} /> : <span className="muted">—</span>}</td>
                <td>
                  <LastRun run={schedule.lastRun} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
