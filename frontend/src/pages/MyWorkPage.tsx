// /my-work: the signed-in user's own plan over a window of weeks: each week's load in its
// band, the projects and hours, the next deliverables and alerts. A user whose account is
// not linked to a person is told so and what to do. Loaded on demand (routes.tsx).
import { NO_LINKED_PERSON } from '../api/analytics';
import { ApiError } from '../api/errors';
import { HorizonSelect } from '../features/analytics/HorizonSelect';
import { PanelStatus } from '../ui/PanelStatus';
import { useMyWork } from '../features/analytics/queries';
import { useAnalyticsWindow } from '../features/analytics/useAnalyticsWindow';
import { MyAlerts } from '../features/myWork/MyAlerts';
import { MyDeliverables } from '../features/myWork/MyDeliverables';
import { MyProjects } from '../features/myWork/MyProjects';
import { WeekBandList } from '../shared/utilization/WeekBandList';
import '../features/analytics/analytics.css';

function NotLinked() {
  return (
    <div className="card" role="status">
      <h2>Your account is not linked to a person</h2>
      <p>
        My work shows the plan of the person your account belongs to, and this account has none yet. Ask an
        administrator to link your account to your person record; until then the Dashboard and Planning pages
        show the team’s plan.
      </p>
    </div>
  );
}

export function MyWorkPage() {
  const { window, setWeeks } = useAnalyticsWindow();
  const work = useMyWork(window);
  const notLinked = work.error instanceof ApiError && work.error.code === NO_LINKED_PERSON;
  return (
    <>
      <title>My work · Workload Tracker</title>
      <h1>My work{work.data ? `: ${work.data.person.name}` : ''}</h1>
      <HorizonSelect start={window.start} weeks={window.weeks} onChange={setWeeks} />
      {notLinked && <NotLinked />}
      {!notLinked && !work.data && <PanelStatus error={work.error} loading="Loading your plan…" />}
      {work.data && (
        <div className="analytics-stack">
          <MyAlerts alerts={work.data.alerts} />
          <section className="card chart-panel" aria-labelledby="my-weeks-title">
            <h2 id="my-weeks-title">My weeks</h2>
            <WeekBandList label={`My utilization, ${work.data.weeks.length} weeks`} weeks={work.data.weeks} />
          </section>
          <MyDeliverables deliverables={work.data.deliverables} />
          <MyProjects projects={work.data.projects} weekKeys={work.data.weekKeys} />
        </div>
      )}
    </>
  );
}
