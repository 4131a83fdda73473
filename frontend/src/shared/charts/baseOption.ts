// What every chart shares: the theme's text colours, aria on (the canvas is described by
// the panel's text summary), axes in muted colours, and tooltips drawn on the canvas in
// rich text, because the production CSP forbids the inline styles of ECharts' HTML
// tooltips.
import type { TooltipComponentOption } from 'echarts/components';
import type { ChartOption } from './echarts';
import type { ChartTheme } from './chartTheme';

export function baseOption(theme: ChartTheme, description: string): ChartOption {
  return {
    aria: { enabled: true, label: { enabled: true, description } },
    animation: false,
    textStyle: { color: theme.text, fontFamily: theme.fontFamily },
  };
}

export function tooltipStyle(theme: ChartTheme): TooltipComponentOption {
  return {
    renderMode: 'richText',
    backgroundColor: theme.surface,
    borderColor: theme.border,
    textStyle: { color: theme.text },
  };
}

/** A category or value axis in the theme's muted colours. */
export function axisStyle(theme: ChartTheme) {
  return {
    axisLine: { lineStyle: { color: theme.border } },
    axisLabel: { color: theme.muted },
    splitLine: { lineStyle: { color: theme.border } },
  };
}
