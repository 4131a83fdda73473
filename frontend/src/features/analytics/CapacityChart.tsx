// Team capacity against allocated hours, week by week (the workload forecast): a bar of
// allocated hours per week in the week's band colour and a line at capacity, with the
// weeks as a table.
import { useMemo } from 'react';
import type { ForecastWeek } from '../../api/analytics';
import { EChart } from '../../shared/charts/EChart';
import { ChartPanel } from '../../shared/charts/ChartPanel';
import { axisStyle, baseOption, tooltipStyle } from '../../shared/charts/baseOption';
import type { ChartOption } from '../../shared/charts/echarts';
import { useChartTheme } from '../../shared/charts/useChartTheme';
import { BAND_NAMES, formatPercent } from '../../shared/utilization/bands';
import { BandTag } from '../../shared/utilization/BandTag';
import { formatHours, weekLabel } from '../../ui/weeks';

interface Props {
  title: string;
  weeks: ForecastWeek[];
}

function summarize(weeks: ForecastWeek[]): string {
  if (weeks.length === 0) return 'No weeks in this window.';
  const busiest = weeks.reduce((top, week) => (week.utilization > top.utilization ? week : top));
  const over = weeks.filter((week) => week.band === 'over_allocated').length;
  return (
    `Over ${weeks.length} weeks the team is busiest in the week of ${weekLabel(busiest.week)}: ` +
    `${formatHours(busiest.allocated)} of ${formatHours(busiest.capacity)} hours (${formatPercent(busiest.utilization)}). ` +
    `${over} ${over === 1 ? 'week is' : 'weeks are'} over capacity.`
  );
}

export function CapacityChart({ title, weeks }: Props) {
  const theme = useChartTheme();
  const summary = summarize(weeks);
  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(theme, summary),
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: theme.text } },
      xAxis: { type: 'category', data: weeks.map((week) => weekLabel(week.week)), ...axisStyle(theme) },
      yAxis: { type: 'value', name: 'hours', nameTextStyle: { color: theme.muted }, ...axisStyle(theme) },
      tooltip: {
        ...tooltipStyle(theme),
        trigger: 'axis',
        formatter: (items) => {
          const index = (Array.isArray(items) ? items[0] : items)?.dataIndex ?? 0;
          const week = weeks[index];
          if (!week) return '';
          return [
            `Week of ${weekLabel(week.week)}`,
            `Allocated ${formatHours(week.allocated)} h of ${formatHours(week.capacity)} h (${formatPercent(week.utilization)})`,
            `${BAND_NAMES[week.band].label}, ${week.overAllocatedCount} people over`,
          ].join('\n');
        },
      },
      series: [
        {
          type: 'bar',
          name: 'Allocated',
          itemStyle: { color: theme.bands.optimal.strong },
          data: weeks.map((week) => ({ value: week.allocated, itemStyle: { color: theme.bands[week.band].strong } })),
        },
        {
          type: 'line',
          name: 'Capacity',
          step: 'middle',
          symbol: 'none',
          lineStyle: { color: theme.text, type: 'dashed', width: 2 },
          itemStyle: { color: theme.text },
          data: weeks.map((week) => week.capacity),
        },
      ],
    }),
    [theme, weeks, summary],
  );

  return (
    <ChartPanel title={title} summary={summary} table={() => <CapacityTable weeks={weeks} />}>
      <EChart option={option} label={`${title} chart`} height={260} />
    </ChartPanel>
  );
}

function CapacityTable({ weeks }: { weeks: ForecastWeek[] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Capacity and allocated hours by week</caption>
      <thead>
        <tr>
          <th scope="col">Week</th>
          <th scope="col" className="num">People</th>
          <th scope="col" className="num">Capacity (h)</th>
          <th scope="col" className="num">Allocated (h)</th>
          <th scope="col" className="num">Available (h)</th>
          <th scope="col" className="num">Utilization</th>
          <th scope="col">Band</th>
          <th scope="col">Over-allocated</th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.week}>
            <th scope="row">{weekLabel(week.week)}</th>
            <td className="num">{week.people}</td>
            <td className="num">{formatHours(week.capacity)}</td>
            <td className="num">{formatHours(week.allocated)}</td>
            <td className="num">{formatHours(week.available)}</td>
            <td className="num">{formatPercent(week.utilization)}</td>
            <td>
              <BandTag band={week.band} />
            </td>
            <td>
              {week.overAllocatedCount === 0
                ? 'None'
                : `${week.overAllocatedCount}: ${week.overAllocated.map((person) => `${person.name} ${formatPercent(person.percent)}`).join(', ')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
