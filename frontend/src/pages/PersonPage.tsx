// /people/:id: one person's profile (editable for managers and admins, with
// deactivate/reactivate), their next 12 weeks' utilization, their assignments and skills,
// all from one overview request (editors also read the department and role choices).
import { useParams } from 'react-router';
import { ScopedLink } from '../shared/departmentScope/ScopedLink';
import { PersonAssignments } from '../features/people/PersonAssignments';
import { PersonEditor } from '../features/people/PersonEditor';
import { PersonSummary } from '../features/people/PersonSummary';
import { UtilizationStrip } from '../features/people/UtilizationStrip';
import { useCanPlan } from '../auth/useCanPlan';
import { usePersonOverview } from '../features/people/usePersonOverview';
import { useReferenceData } from '../features/people/useReferenceData';
import { PersonSkills } from '../features/skills/PersonSkills';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/people/people.css';

export function PersonPage() {
  const id = Number(useParams().id);
  const canEdit = useCanPlan();
  const reference = useReferenceData({ enabled: canEdit });
  const overview = usePersonOverview(id);
  const person = overview.data?.person;

  return (
    <>
      <title>{`${person?.name ?? 'Person'} · Workload Tracker`}</title>
      <p><ScopedLink to="/people">← People</ScopedLink></p>
      {overview.error && <FormAlert tone="error">{errorMessage(overview.error)}</FormAlert>}
      {overview.isPending && !overview.error && <p className="muted" role="status">Loading…</p>}
      {overview.data && person && (
        <>
          <h1>
            {person.name} {!person.isActive && <span className="tag">Inactive</span>}
          </h1>
          <div className="person-layout">
            <section className="card" aria-label="Profile">
              {canEdit ? <PersonEditor person={person} reference={reference} /> : <PersonSummary person={person} />}
            </section>
            <div>
              <h2>Next 12 weeks</h2>
              <UtilizationStrip person={person} weeks={overview.data.weeks} />
              <h2>Assignments</h2>
              <PersonAssignments assignments={overview.data.assignments} />
              <PersonSkills person={person.id} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
