// How many people fall in each utilization band by their average over the window: a
// bar per band in the band's colour, labelled with its range (one band definition).
import { useMemo } from 'react';
import type { Dashboard } from '../../api/analytics';
import { EChart } from '../../shared/charts/EChart';
import { ChartPanel } from '../../shared/charts/ChartPanel';
import { axisStyle, baseOption, tooltipStyle } from '../../shared/charts/baseOption';
import type { ChartOption } from '../../shared/charts/echarts';
import { useChartTheme } from '../../shared/charts/useChartTheme';
import { bandRange } from '../../shared/utilization/bands';
import { useUtilizationBands } from '../../shared/utilization/useUtilizationBands';

export function DistributionChart({ distribution }: { distribution: Dashboard['distribution'] }) {
  const bands = useUtilizationBands();
  const theme = useChartTheme();
  const { rows, summary, option } = useMemo(() => {
    const rows = bands.order.map((band) => ({
      band,
      label: bandRange(band, bands),
      people: distribution.find((entry) => entry.band === band)?.people ?? 0,
    }));
    const summary = `People by average utilization: ${rows.map((row) => `${row.label}: ${row.people}`).join('; ')}.`;
    const option: ChartOption = {
      ...baseOption(theme, summary),
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axisStyle(theme) },
      yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), ...axisStyle(theme) },
      tooltip: { ...tooltipStyle(theme), trigger: 'item', formatter: '{b}: {c} people' },
      series: [
        {
          type: 'bar',
          data: rows.map((row) => ({ value: row.people, itemStyle: { color: theme.bands[row.band].strong } })),
          label: { show: true, position: 'right', color: theme.text },
        },
      ],
    };
    return { rows, summary, option };
  }, [theme, distribution, bands]);

  return (
    <ChartPanel
      title="Utilization distribution"
      summary={summary}
      table={() => (
        <table className="data-table">
          <caption className="visually-hidden">People by utilization band</caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col" className="num">
                People
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.band}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      <EChart option={option} label="Utilization distribution chart" height={180} />
    </ChartPanel>
  );
}
