// A run of weeks, each with its utilization, band (colour, marker and name) and hours:
// one person's load as the person page and My Work show it.
import type { PersonWeek } from '../../api/people';
import { BAND_NAMES } from './bands';
import { formatHours, weekLabel } from '../../ui/weeks';
import './bands.css';
import './weekBandList.css';

export function WeekBandList({ label, weeks }: { label: string; weeks: readonly PersonWeek[] }) {
  return (
    <ol className="util-strip" aria-label={label}>
      {weeks.map(({ week, percent, band, allocated, capacity }) => (
        <li key={week} className={`util-cell band-edge--${band}`} data-band={band} data-testid={`week-${week}`}>
          <span className="muted">{weekLabel(week)}</span>
          <span className="util-cell__pct">{Math.round(percent)}%</span>
          <span>
            <span aria-hidden="true">{BAND_NAMES[band].marker} </span>
            {BAND_NAMES[band].label}
          </span>
          <span className="muted num">
            {formatHours(allocated)} / {formatHours(capacity)} h
          </span>
        </li>
      ))}
    </ol>
  );
}
