// The people with the most free hours over the window, for staffing new work: each opens
// the planning grid on their row.
import { Link } from 'react-router';
import type { AnalyticsWindow, AvailablePerson } from '../../api/analytics';
import { formatHours } from '../../ui/weeks';
import { formatPercent } from '../../shared/utilization/bands';
import { planningHref } from '../../shared/links/planningLink';

interface Props {
  people: AvailablePerson[];
  window: AnalyticsWindow;
}

export function MostAvailableList({ people, window }: Props) {
  return (
    <section className="card analytics-list" aria-labelledby="available-title">
      <h2 id="available-title">Available people</h2>
      {people.length === 0 ? (
        <p className="muted">Nobody has free hours in these weeks.</p>
      ) : (
        <ol className="analytics-list__items">
          {people.map((person) => (
            <li key={person.id}>
              <Link to={planningHref(person, window)}>{person.name}</Link>
              <span className="muted">{person.departmentName ?? 'No department'}</span>
              <span className="num">{formatHours(person.availableHours)} h free</span>
              <span className="muted num">{formatPercent(person.percent)} used</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
