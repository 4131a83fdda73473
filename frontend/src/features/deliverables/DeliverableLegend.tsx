// The key to the deliverable marks in the week cells, in words, and why there are none
// when the deliverable calendar could not be loaded (the `error` of useDeliverableWeeks).
import { errorMessage } from '../../ui/errorMessage';
import '../../ui/legend.css';
import '../../shared/deliverables/deliverableMark.css';

export function DeliverableLegend({ error = null }: { error?: unknown }) {
  return (
    <>
      <ul className="legend deliverable-legend" aria-label="Deliverable marks">
        <li>
          <span className="deliverable-mark deliverable-mark--due" aria-hidden="true">
            ◆
          </span>
          Deliverable due that week
        </li>
        <li>
          <span className="deliverable-mark deliverable-mark--done" aria-hidden="true">
            ✓
          </span>
          Deliverable completed
        </li>
      </ul>
      {error !== null && (
        <p className="muted" role="status">
          Deliverable dates are not shown: {errorMessage(error)}
        </p>
      )}
    </>
  );
}
