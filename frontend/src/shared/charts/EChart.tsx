// The boundary between React and the chart library: a sized box that ECharts draws into
// on a canvas, redrawn when the option changes, resized with its box and disposed with
// it. A redraw keeps the reader's scroll position in a chart that has a dataZoom. The
// box is an image to assistive technology, named by `label`; each panel also shows the
// same facts as text and a table (ChartPanel). Tests mock this module.
import { useEffect, useRef } from 'react';
import { createChart, type Chart, type ChartOption } from './echarts';

/** The rows a zoom shows, as category indexes (first and last). */
export interface ZoomWindow {
  startValue: number;
  endValue: number;
}

interface Props {
  option: ChartOption;
  label: string;
  height: number;
  /** Called after the reader scrolls or zooms a chart that has a dataZoom. */
  onZoom?: (window: ZoomWindow) => void;
  /** Called with the value of the data item the reader clicked. */
  onItemClick?: (value: unknown) => void;
}

function zoomWindowOf(chart: Chart): ZoomWindow | null {
  const shown = chart.getOption() as { dataZoom?: Partial<ZoomWindow>[] } | undefined;
  const first = shown?.dataZoom?.[0];
  if (first?.startValue === undefined || first.endValue === undefined) return null;
  return { startValue: first.startValue, endValue: first.endValue };
}

/** `option` with its zooms at `window`, the position the reader had scrolled to. */
function keepZoom(option: ChartOption, window: ZoomWindow | null): ChartOption {
  if (!window || !Array.isArray(option.dataZoom)) return option;
  return { ...option, dataZoom: option.dataZoom.map((zoom) => ({ ...zoom, ...window })) };
}

export function EChart({ option, label, height, onZoom, onItemClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const listeners = useRef({ onZoom, onItemClick });

  useEffect(() => {
    listeners.current = { onZoom, onItemClick };
  }, [onZoom, onItemClick]);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = createChart(element);
    chart.current = instance;
    instance.on('datazoom', () => {
      const window = zoomWindowOf(instance);
      if (window) listeners.current.onZoom?.(window);
    });
    instance.on('click', (params) => listeners.current.onItemClick?.(params.value));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    // Replace rather than merge: every option is built whole from the data and theme.
    instance.setOption(keepZoom(option, zoomWindowOf(instance)), { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={box} className="echart" role="img" aria-label={label} style={{ height }} />;
}
