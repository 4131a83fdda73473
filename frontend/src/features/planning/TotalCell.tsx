// A person's allocated hours in one week, against their capacity: the band's colour
// plus its marker and weight, and the whole sentence for screen readers and tooltips.
import { BANDS, classify, utilization } from './bands';
import { GridCell } from './GridCell';
import { formatHours } from './hoursInput';
import { longWeek } from './weeks';

interface Props {
  row: number;
  col: number;
  week: string;
  total: number;
  capacity: number;
  name: string;
}

export function TotalCell({ row, col, week, total, capacity, name }: Props) {
  const band = classify(total, capacity);
  const info = BANDS[band];
  const percent = Math.round(utilization(total, capacity));
  const label = `${name}, ${longWeek(week)}: ${total} of ${capacity} hours, ${percent}%, ${info.label}`;
  return (
    <GridCell row={row} col={col} className={`plan-total plan-band--${band}`} label={label}>
      <span className="plan-total__value" title={label} data-band={band}>
        {formatHours(total) || '0'}
        {info.marker && (
          <span className="plan-total__marker" aria-hidden="true">
            {info.marker}
          </span>
        )}
      </span>
    </GridCell>
  );
}
