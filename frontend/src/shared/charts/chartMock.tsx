// A stand-in for the EChart boundary in component tests (jsdom has no canvas): a labelled
// box that records the option it was given, so tests can read what would be drawn.
import type { ChartOption } from './echarts';

export const drawn = new Map<string, ChartOption>();

export function EChart({ option, label }: { option: ChartOption; label: string }) {
  drawn.set(label, option);
  return <div role="img" aria-label={label} />;
}
