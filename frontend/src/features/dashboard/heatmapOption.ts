// The team heatmap as an ECharts option: people down, weeks across, each cell coloured by
// its band (bandOfWeek, the one band definition; colours from bands.css). Only a screenful
// of people is drawn at a time: a vertical dataZoom scrolls through the rest (wheel or
// scrollbar), so 5,000 x 52 cells stay a canvas.
import type { HeatmapRow } from '../../api/analytics';
import { axisStyle, baseOption, tooltipStyle } from '../../shared/charts/baseOption';
import type { ChartTheme } from '../../shared/charts/chartTheme';
import type { ChartOption } from '../../shared/charts/echarts';
import { BAND_NAMES, bandOfWeek, type UtilizationBands, formatPercent } from '../../shared/utilization/bands';
import { formatHours, weekLabel } from '../../ui/weeks';

/** People visible at once; the rest scroll. */
export const ROWS_SHOWN = 25;
const ROW_HEIGHT = 22;
const FRAME = 56;

export function heatmapHeight(rows: number): number {
  return Math.min(Math.max(rows, 1), ROWS_SHOWN) * ROW_HEIGHT + FRAME;
}

/** One cell: [week index, person index, percent, band index]. */
type Cell = [number, number, number, number];

function cells(rows: HeatmapRow[], bands: UtilizationBands): Cell[] {
  const out: Cell[] = [];
  rows.forEach((row, y) => {
    row.hours.forEach((hours, x) => {
      const band = bandOfWeek(hours, row.capacity, bands);
      out.push([x, y, row.percent[x] ?? 0, bands.order.indexOf(band)]);
    });
  });
  return out;
}

export function heatmapOption(rows: HeatmapRow[], weekKeys: string[], bands: UtilizationBands, theme: ChartTheme, summary: string): ChartOption {
  const scrolls = rows.length > ROWS_SHOWN;
  return {
    ...baseOption(theme, summary),
    grid: { left: 8, right: scrolls ? 36 : 8, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', position: 'top', data: weekKeys.map(weekLabel), splitArea: { show: false }, ...axisStyle(theme) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      ...axisStyle(theme),
      axisLabel: { color: theme.text, width: 140, overflow: 'truncate', interval: 0 },
    },
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 3,
      seriesIndex: 0,
      pieces: bands.order.map((band, index) => ({ value: index, label: BAND_NAMES[band].label, color: theme.bands[band].strong })),
    },
    dataZoom: scrolls
      ? [
          {
            type: 'slider',
            yAxisIndex: 0,
            orient: 'vertical',
            right: 4,
            width: 16,
            startValue: 0,
            endValue: ROWS_SHOWN - 1,
            zoomLock: true,
            showDetail: false,
            brushSelect: false,
            filterMode: 'filter',
          },
          { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false },
        ]
      : [],
    tooltip: {
      ...tooltipStyle(theme),
      trigger: 'item',
      formatter: (item) => {
        const [x, y] = (Array.isArray(item) ? item[0]?.value : item.value) as Cell;
        const row = rows[y];
        const week = weekKeys[x];
        if (!row || !week) return '';
        const hours = row.hours[x] ?? 0;
        const band = bandOfWeek(hours, row.capacity, bands);
        return [
          `${row.name} · week of ${weekLabel(week)}`,
          `${formatHours(hours)} of ${formatHours(row.capacity)} h (${formatPercent(row.percent[x] ?? 0)}), ${formatHours(row.available[x] ?? 0)} h free`,
          `${BAND_NAMES[band].label}`,
        ].join('\n');
      },
    },
    series: [
      {
        type: 'heatmap',
        data: cells(rows, bands),
        itemStyle: { borderColor: theme.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 2 } },
        progressive: 4000,
      },
    ],
  };
}
