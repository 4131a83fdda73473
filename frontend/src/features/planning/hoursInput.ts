// What a person may type into an hours cell, checked like the server does: a finite
// number from 0 to 168 with at most two decimals; an empty cell means 0.
export type ParsedHours = { ok: true; hours: number } | { ok: false; message: string };

export const MAX_HOURS = 168;

export function parseHours(text: string): ParsedHours {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, hours: 0 };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, message: `“${text.trim()}” is not a number of hours.` };
  const hours = Number(trimmed);
  if (hours < 0 || hours > MAX_HOURS) return { ok: false, message: `Hours must be between 0 and ${MAX_HOURS}.` };
  if (/\.\d{3,}$/.test(trimmed) && Math.round(hours * 100) / 100 !== hours) {
    return { ok: false, message: 'Use at most two decimals (for example 7.5 or 7.25).' };
  }
  return { ok: true, hours: hours === 0 ? 0 : hours };
}

/** Hours as a cell shows them: "8", "7.5", "" for none. */
export function formatHours(hours: number): string {
  if (hours === 0) return '';
  return String(Math.round(hours * 100) / 100);
}
