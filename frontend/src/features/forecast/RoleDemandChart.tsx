// Demand against capacity by role: a line per role, with the figures as a table
// (capacity, allocated and utilization per role and week).
import { useMemo } from 'react';
import type { RoleForecast } from '../../api/analytics';
import { formatHours, weekLabel } from '../../ui/weeks';
import { formatPercent } from '../../shared/utilization/bands';
import { ChartPanel } from '../../shared/charts/ChartPanel';
import { EChart } from '../../shared/charts/EChart';
import { useChartTheme } from '../../shared/charts/useChartTheme';
import { roleName, roleOption } from './roleOption';

interface Props {
  roles: RoleForecast[];
  weekKeys: string[];
}

function summarize(roles: RoleForecast[]): string {
  if (roles.length === 0) return 'No roles have people in this window.';
  const peaks = roles.map((role) => ({
    role,
    peak: role.weeks.reduce((top, week) => (week.utilization > top ? week.utilization : top), 0),
  }));
  const busiest = peaks.reduce((top, entry) => (entry.peak > top.peak ? entry : top));
  const over = peaks.filter((entry) => entry.peak > 100).length;
  return `${roles.length} roles. The busiest is ${roleName(busiest.role)}, peaking at ${formatPercent(busiest.peak)}; ${over} ${over === 1 ? 'role goes' : 'roles go'} over capacity in some week.`;
}

export function RoleDemandChart({ roles, weekKeys }: Props) {
  const theme = useChartTheme();
  const summary = summarize(roles);
  const option = useMemo(() => roleOption(roles, weekKeys, theme, summary), [roles, weekKeys, theme, summary]);
  return (
    <ChartPanel title="Demand by role" summary={summary} table={() => <RoleTable roles={roles} weekKeys={weekKeys} />}>
      <EChart option={option} label="Demand by role chart" height={300} />
    </ChartPanel>
  );
}

function RoleTable({ roles, weekKeys }: Props) {
  return (
    <table className="data-table rollup-table">
      <caption className="visually-hidden">Allocated of capacity hours by role and week</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          {weekKeys.map((week) => (
            <th key={week} scope="col" className="num">
              {weekLabel(week)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.roleId ?? 'none'}>
            <th scope="row">{roleName(role)}</th>
            {role.weeks.map((week) => (
              <td key={week.week} className="num">
                {formatPercent(week.utilization)}{' '}
                <span className="muted">
                  ({formatHours(week.allocated)}/{formatHours(week.capacity)} h)
                </span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
