// The heatmap's text alternatives: a summary sentence, and per loaded person the
// average and peak utilization and the weeks over capacity, each name a link into the
// planning grid.
import { Link } from 'react-router';
import type { AnalyticsWindow, HeatmapRow } from '../../api/analytics';
import { formatHours, weekLabel } from '../../ui/weeks';
import { formatPercent, bandOfWeek, type UtilizationBands } from '../../shared/utilization/bands';
import { planningHref } from '../../shared/links/planningLink';

interface PersonFacts {
  average: number;
  peak: number;
  peakWeek: number;
}

function factsOf(row: HeatmapRow): PersonFacts {
  let peakWeek = 0;
  row.percent.forEach((percent, index) => {
    if (percent > (row.percent[peakWeek] ?? 0)) peakWeek = index;
  });
  const average = row.percent.length > 0 ? row.percent.reduce((sum, percent) => sum + percent, 0) / row.percent.length : 0;
  return { average, peak: row.percent[peakWeek] ?? 0, peakWeek };
}

function peakText(facts: PersonFacts, weekKeys: string[]): string {
  const week = weekKeys[facts.peakWeek];
  return week ? `${formatPercent(facts.peak)} in the week of ${weekLabel(week)}` : '–';
}

function overWeeks(row: HeatmapRow, bands: UtilizationBands): number {
  return row.hours.filter((hours) => bandOfWeek(hours, row.capacity, bands) === 'over_allocated').length;
}

export function describeHeatmap(rows: HeatmapRow[], total: number, weekKeys: string[], bands: UtilizationBands): string {
  const over = rows.reduce((sum, row) => sum + overWeeks(row, bands), 0);
  const shown = rows.length < total ? `${rows.length} of ${total} people loaded` : `${total} people`;
  return `Utilization of ${shown} over ${weekKeys.length} weeks; ${over} person-weeks are over-allocated.`;
}

interface Props {
  rows: HeatmapRow[];
  weekKeys: string[];
  window: AnalyticsWindow;
}

export function HeatmapTable({ rows, weekKeys, window }: Props) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Utilization by person</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Department</th>
          <th scope="col" className="num">Capacity (h/week)</th>
          <th scope="col" className="num">Average</th>
          <th scope="col">Peak</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const facts = factsOf(row);
          return (
            <tr key={row.id}>
              <th scope="row">
                <Link to={planningHref(row, window)}>{row.name}</Link>
              </th>
              <td>{row.departmentName ?? 'No department'}</td>
              <td className="num">{formatHours(row.capacity)}</td>
              <td className="num">{formatPercent(facts.average)}</td>
              <td>{peakText(facts, weekKeys)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
