// Demand by role as an ECharts option: one line per role with its utilization (allocated
// as a share of the role's capacity) week by week.
import type { RoleForecast } from '../../api/analytics';
import { formatHours, weekLabel } from '../../ui/weeks';
import { formatPercent } from '../../shared/utilization/bands';
import { axisStyle, baseOption, tooltipStyle } from '../../shared/charts/baseOption';
import type { ChartTheme } from '../../shared/charts/chartTheme';
import type { ChartOption } from '../../shared/charts/echarts';

export function roleName(role: RoleForecast): string {
  return role.roleName ?? 'No role';
}

export function roleOption(roles: RoleForecast[], weekKeys: string[], theme: ChartTheme, summary: string): ChartOption {
  return {
    ...baseOption(theme, summary),
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0, textStyle: { color: theme.text }, pageTextStyle: { color: theme.muted } },
    xAxis: { type: 'category', data: weekKeys.map(weekLabel), ...axisStyle(theme) },
    yAxis: { type: 'value', ...axisStyle(theme), axisLabel: { color: theme.muted, formatter: '{value}%' } },
    tooltip: {
      ...tooltipStyle(theme),
      trigger: 'item',
      formatter: (item) => {
        const single = Array.isArray(item) ? item[0] : item;
        const role = roles[single?.seriesIndex ?? -1];
        const week = role?.weeks[single?.dataIndex ?? -1];
        if (!role || !week) return '';
        return `${roleName(role)} · week of ${weekLabel(week.week)}\n${formatHours(week.allocated)} of ${formatHours(week.capacity)} h (${formatPercent(week.utilization)})`;
      },
    },
    series: roles.map((role) => ({
      type: 'line' as const,
      name: roleName(role),
      data: role.weeks.map((week) => week.utilization),
      symbolSize: 6,
    })),
  };
}
