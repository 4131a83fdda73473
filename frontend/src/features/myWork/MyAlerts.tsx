// What needs my attention: weeks I am over-allocated and deliverables due soon, each with
// a marker and words (never colour alone).
import type { MyWork } from '../../api/analytics';
import { BAND_NAMES } from '../../shared/utilization/bands';
import '../../shared/utilization/bands.css';

interface Mark {
  marker: string;
  label: string;
  tone: string;
}

const MARKS: Record<string, Mark> = {
  over_allocated: { marker: BAND_NAMES.over_allocated.marker, label: 'Over-allocated', tone: 'band-tone--over_allocated' },
  deliverable_soon: { marker: '◆', label: 'Deliverable soon', tone: '' },
};

/** A kind this screen does not know yet still shows its message. */
const NOTICE: Mark = { marker: '•', label: 'Notice', tone: '' };

export function MyAlerts({ alerts }: Pick<MyWork, 'alerts'>) {
  return (
    <section className="card analytics-list" aria-labelledby="my-alerts-title">
      <h2 id="my-alerts-title">Alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted">Nothing needs your attention.</p>
      ) : (
        <ul className="my-alerts">
          {alerts.map((alert, index) => {
            const mark = MARKS[alert.kind] ?? NOTICE;
            return (
              <li key={`${alert.kind}-${alert.week ?? ''}-${index}`}>
                <span className={mark.tone}>
                  <span aria-hidden="true">{mark.marker} </span>
                  <span className="visually-hidden">{mark.label}: </span>
                </span>
                {alert.message}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
