// People over capacity in any week of the window, worst first: each opens the planning
// grid on their row to rebalance. The worst ten show until the reader asks for all.
import { useState } from 'react';
import { Link } from 'react-router';
import type { AnalyticsWindow, OverAllocatedPerson } from '../../api/analytics';
import { formatPercent, BAND_NAMES } from '../../shared/utilization/bands';
import { weekLabel } from '../../ui/weeks';
import { planningHref } from '../../shared/links/planningLink';

interface Props {
  people: OverAllocatedPerson[];
  window: AnalyticsWindow;
}

const FIRST = 10;

export function OverAllocatedList({ people, window }: Props) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? people : people.slice(0, FIRST);
  return (
    <section className="card analytics-list" aria-labelledby="over-allocated-title">
      <h2 id="over-allocated-title">
        <span aria-hidden="true" className="band-tone--over_allocated">
          {BAND_NAMES.over_allocated.marker}{' '}
        </span>
        Over-allocated people
      </h2>
      {people.length === 0 ? (
        <p className="muted">Nobody is over capacity in these weeks.</p>
      ) : (
        <ol className="analytics-list__items">
          {shown.map((person) => (
            <li key={person.id}>
              <Link to={planningHref(person, window)}>{person.name}</Link>
              <span className="muted">{person.departmentName ?? 'No department'}</span>
              <span className="num band-tone--over_allocated">
                {formatPercent(person.peakPercent)} in the week of {weekLabel(person.peakWeek)}
              </span>
              <span className="muted num">
                {person.overWeeks} {person.overWeeks === 1 ? 'week' : 'weeks'} over
              </span>
            </li>
          ))}
        </ol>
      )}
      {people.length > FIRST && (
        <button type="button" className="button button--quiet button--small" onClick={() => setShowAll((all) => !all)}>
          {showAll ? `Show the worst ${FIRST}` : `Show all ${people.length}`}
        </button>
      )}
    </section>
  );
}
