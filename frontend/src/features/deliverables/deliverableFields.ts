// A deliverable's inline-edited fields as text: what the editor starts from, how typed
// text becomes a change (or a message the browser can give without asking the
// server), and how a percentage reads in the table.
import type { Deliverable, DeliverableChanges } from '../../api/deliverables';

export type InlineField = 'description' | 'percentage' | 'date';

export type Parsed = { changes: DeliverableChanges } | { problem: string };

export const PERCENTAGE_PROBLEM = 'Use a whole number from 0 to 100.';

/** The text an inline editor starts from. */
export function fieldText(deliverable: Deliverable, field: InlineField): string {
  if (field === 'percentage') return typeof deliverable.percentage === 'number' ? String(deliverable.percentage) : '';
  if (field === 'date') return deliverable.date ?? '';
  return deliverable.description;
}

/** Typed text as a change to send; an empty percentage or date clears it. */
export function parseField(field: InlineField, text: string): Parsed {
  const trimmed = text.trim();
  if (field === 'description') {
    return trimmed ? { changes: { description: trimmed } } : { problem: 'Describe the deliverable, e.g. “IFC”.' };
  }
  if (field === 'date') return { changes: { date: trimmed || null } };
  if (!trimmed) return { changes: { percentage: null } };
  const percentage = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
  return percentage >= 0 && percentage <= 100 ? { changes: { percentage } } : { problem: PERCENTAGE_PROBLEM };
}

/** "35%", or empty when there is none. */
export function formatPercentage(percentage: number | null | undefined): string {
  return typeof percentage === 'number' ? `${percentage}%` : '';
}
