// Each department's load week by week, sub-departments included in its figures, as an
// indented table: utilization per week in its band (colour, marker and words in the
// cell's label), people and the window's average.
import type { DepartmentRollup, DepartmentRollupRow } from '../../api/analytics';
import { formatHours, weekLabel } from '../../ui/weeks';
import { formatPercent, BAND_NAMES, bandOfWeek, utilizationPercent, type UtilizationBands } from '../../shared/utilization/bands';
import '../../shared/utilization/bands.css';
import { useUtilizationBands } from '../../shared/utilization/useUtilizationBands';

function windowAverage(row: DepartmentRollupRow): number {
  const capacity = row.weeks.reduce((sum, week) => sum + week.capacity, 0);
  const allocated = row.weeks.reduce((sum, week) => sum + week.allocated, 0);
  return utilizationPercent(allocated, capacity);
}

function WeekCell({ week, bands }: { week: DepartmentRollupRow['weeks'][number]; bands: UtilizationBands }) {
  const band = bandOfWeek(week.allocated, week.capacity, bands);
  return (
    <td className={`num band-tone--${band}`} title={`${formatHours(week.allocated)} of ${formatHours(week.capacity)} h, ${BAND_NAMES[band].label}`}>
      {formatPercent(week.utilization)}
      <span aria-hidden="true"> {BAND_NAMES[band].marker}</span>
      <span className="visually-hidden"> {BAND_NAMES[band].label}</span>
    </td>
  );
}

export function DepartmentRollupTable({ rollup }: { rollup: DepartmentRollup }) {
  const bands = useUtilizationBands();
  return (
    <section className="card chart-panel" aria-labelledby="rollup-title">
      <h2 id="rollup-title">Departments</h2>
      {rollup.departments.length === 0 ? (
        <p className="muted">No departments in this scope.</p>
      ) : (
        <div className="chart-panel__table">
          <table className="data-table rollup-table">
            <caption className="visually-hidden">Department utilization by week, sub-departments included</caption>
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col" className="num">People</th>
                <th scope="col" className="num">Average</th>
                {rollup.weekKeys.map((week) => (
                  <th key={week} scope="col" className="num">
                    {weekLabel(week)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rollup.departments.map((row) => (
                <tr key={row.id}>
                  <th scope="row" style={{ paddingLeft: `${0.6 + row.depth * 1.2}rem` }}>
                    {row.name}
                  </th>
                  <td className="num">{row.people}</td>
                  <td className="num">{formatPercent(windowAverage(row))}</td>
                  {row.weeks.map((week) => (
                    <WeekCell key={week.week} week={week} bands={bands} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
