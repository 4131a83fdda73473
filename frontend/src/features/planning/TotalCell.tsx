// A person's allocated hours in one week, against their capacity: the band's colour
// plus its marker and weight, and the whole sentence for screen readers and tooltips.
import { BAND_NAMES, bandOfWeek, utilizationPercent, type UtilizationBands } from '../../shared/utilization/bands';
import '../../shared/utilization/bands.css';
import { GridCell } from './GridCell';
import { formatHours } from './hoursInput';
import { longWeek } from '../../ui/weeks';

interface Props {
  row: number;
  col: number;
  week: string;
  total: number;
  capacity: number;
  name: string;
  bands: UtilizationBands;
}

export function TotalCell({ row, col, week, total, capacity, name, bands }: Props) {
  const band = bandOfWeek(total, capacity, bands);
  const info = BAND_NAMES[band];
  const percent = Math.round(utilizationPercent(total, capacity));
  const label = `${name}, ${longWeek(week)}: ${total} of ${capacity} hours, ${percent}%, ${info.label}`;
  return (
    <GridCell row={row} col={col} className="plan-total" label={label}>
      <span className={`plan-total__value band-tone--${band}`} title={label} data-band={band}>
        {formatHours(total) || '0'}
        <span className="plan-total__marker" aria-hidden="true">
          {info.marker}
        </span>
      </span>
    </GridCell>
  );
}
