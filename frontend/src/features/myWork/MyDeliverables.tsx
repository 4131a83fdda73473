// The next deliverables due on my projects, soonest first.
import { Link } from 'react-router';
import type { MyWork } from '../../api/analytics';
import { formatDay } from '../../ui/formatTime';

export function MyDeliverables({ deliverables }: Pick<MyWork, 'deliverables'>) {
  return (
    <section className="card analytics-list" aria-labelledby="my-deliverables-title">
      <h2 id="my-deliverables-title">My next deliverables</h2>
      {deliverables.length === 0 ? (
        <p className="muted">No deliverables are due on your projects.</p>
      ) : (
        <ol className="analytics-list__items analytics-list__items--dated">
          {deliverables.map((deliverable) => (
            <li key={deliverable.id}>
              <time dateTime={deliverable.date}>{formatDay(deliverable.date)}</time>
              <Link to={`/projects/${deliverable.projectId}`}>{deliverable.projectName}</Link>
              <span>{deliverable.description}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
