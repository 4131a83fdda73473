// The one place the chart library is put together: only the ECharts pieces the screens
// use (bar, line and heatmap series on a cartesian grid, tooltips, a scrolling zoom, a
// legend, piecewise colours, aria) on the canvas renderer, so the bundle carries no more
// of ECharts than that and a 5,000-row heatmap is pixels, not DOM nodes.
import { BarChart, HeatmapChart, LineChart, type BarSeriesOption, type HeatmapSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendScrollComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type AriaComponentOption,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, use as register, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

register([
  BarChart,
  HeatmapChart,
  LineChart,
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendScrollComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

/** Every option a screen can give a chart, typed to the registered pieces. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export type Chart = EChartsType;

export function createChart(element: HTMLElement): Chart {
  return init(element, null, { renderer: 'canvas' });
}
