// Tests for relative times: seconds to weeks either side of now, then the date itself.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from './formatTime';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe('formatRelative', () => {
  it('says how long ago or how soon, in the largest sensible unit', () => {
    expect(formatRelative(at(-2), NOW)).toBe('just now');
    expect(formatRelative(at(3), NOW)).toBe('in a moment');
    expect(formatRelative(at(-30), NOW)).toBe('30 seconds ago');
    expect(formatRelative(at(-180), NOW)).toBe('3 minutes ago');
    expect(formatRelative(at(2 * 3600), NOW)).toBe('in 2 hours');
    expect(formatRelative(at(-86400), NOW)).toBe('yesterday');
    expect(formatRelative(at(-40 * 86400), NOW)).toBe(formatDateTime(at(-40 * 86400)));
    expect(formatRelative('not a date', NOW)).toBe('');
  });
});
