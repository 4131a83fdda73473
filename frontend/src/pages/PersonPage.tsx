// /people/:id: one person's profile (editable for managers and admins, with
// deactivate/reactivate), their next 12 weeks' utilization, their assignments and skills.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { fetchPerson } from '../api/people';
import { ScopedLink } from '../features/departmentScope/ScopedLink';
import { PersonAssignments } from '../features/people/PersonAssignments';
import { PersonEditor } from '../features/people/PersonEditor';
import { PersonSummary } from '../features/people/PersonSummary';
import { UtilizationStrip } from '../features/people/UtilizationStrip';
import { useCanPlan } from '../auth/useCanPlan';
import { useReferenceData } from '../features/people/useReferenceData';
import { PersonSkills } from '../features/skills/PersonSkills';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/people/people.css';
import { queryKeys } from '../api/queryKeys';

export function PersonPage() {
  const id = Number(useParams().id);
  const canEdit = useCanPlan();
  const reference = useReferenceData();
  const person = useQuery({ queryKey: queryKeys.people.detail(id), queryFn: ({ signal }) => fetchPerson(id, signal) });

  return (
    <>
      <title>{`${person.data?.name ?? 'Person'} · Workload Tracker`}</title>
      <p><ScopedLink to="/people">← People</ScopedLink></p>
      {person.error && <FormAlert tone="error">{errorMessage(person.error)}</FormAlert>}
      {person.isPending && !person.error && <p className="muted" role="status">Loading…</p>}
      {person.data && (
        <>
          <h1>
            {person.data.name} {!person.data.isActive && <span className="tag">Inactive</span>}
          </h1>
          <div className="person-layout">
            <section className="card" aria-label="Profile">
              {canEdit ? <PersonEditor person={person.data} reference={reference} /> : <PersonSummary person={person.data} />}
            </section>
            <div>
              <h2>Next 12 weeks</h2>
              <UtilizationStrip person={person.data} />
              <h2>Assignments</h2>
              <PersonAssignments personId={person.data.id} />
              <PersonSkills person={person.data.id} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
