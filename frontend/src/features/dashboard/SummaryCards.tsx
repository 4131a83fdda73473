// The dashboard's headline figures over the window: people, average and peak
// utilization (and whose peak, which week), active assignments, people over-allocated.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AnalyticsWindow, Dashboard } from '../../api/analytics';
import { formatPercent } from '../../shared/utilization/bands';
import { weekLabel } from '../../ui/weeks';
import { planningHref } from '../../shared/links/planningLink';

interface Props {
  summary: Dashboard['summary'];
  window: AnalyticsWindow;
}

function Card({ label, value, detail }: { label: string; value: string; detail?: ReactNode }) {
  return (
    <div className="card summary-card">
      <dt>{label}</dt>
      <dd className="summary-card__value num">{value}</dd>
      {detail && <dd className="summary-card__detail muted">{detail}</dd>}
    </div>
  );
}

export function SummaryCards({ summary, window }: Props) {
  const { peak } = summary;
  return (
    <section aria-label="Summary">
      <dl className="summary-cards">
      <Card label="People" value={String(summary.people)} />
      <Card label="Average utilization" value={formatPercent(summary.averageUtilization)} />
      <Card
        label="Peak utilization"
        value={peak ? formatPercent(peak.percent) : '–'}
        detail={
          peak ? (
            <>
              <Link to={planningHref({ id: peak.personId, name: peak.name }, window)}>{peak.name}</Link>, week of {weekLabel(peak.week)}
            </>
          ) : (
            'No hours planned'
          )
        }
      />
      <Card label="Active assignments" value={String(summary.activeAssignments)} />
      <Card label="Over-allocated" value={String(summary.overAllocated)} detail="people over capacity in some week" />
      </dl>
    </section>
  );
}
