// Deliverables by week: which Sunday-starting week a date falls in, the window a grid
// asks the calendar for, the words of a mark, and the bucketing by project and week.
import { describe, expect, it } from 'vitest';
import type { CalendarDeliverable } from '../../api/deliverableCalendar';
import { bucketByWeek, calendarRange, dueIn, dueLabel, dueNote, dueSummary, weekOfDate } from './deliverableWeeks';

function deliverable(overrides: Partial<CalendarDeliverable> & Pick<CalendarDeliverable, 'id' | 'project'>): CalendarDeliverable {
  return {
    projectName: 'Bridge',
    description: 'IFP',
    percentage: 95,
    date: '2027-01-12',
    sortOrder: 1,
    isCompleted: false,
    completedDate: null,
    notes: '',
    version: 1,
    ...overrides,
  };
}

describe('weekOfDate', () => {
  it('puts a date in the week starting on the Sunday on or before it', () => {
    expect(weekOfDate('2027-01-10')).toBe('2027-01-10'); // a Sunday is its own week
    expect(weekOfDate('2027-01-12')).toBe('2027-01-10'); // Tuesday
    expect(weekOfDate('2027-01-16')).toBe('2027-01-10'); // Saturday, the week's last day
    expect(weekOfDate('2027-01-17')).toBe('2027-01-17'); // the next Sunday starts a new week
  });

  it('crosses month and year boundaries', () => {
    expect(weekOfDate('2027-01-01')).toBe('2026-12-27');
    expect(weekOfDate('2028-03-01')).toBe('2028-02-27'); // after a leap day
  });
});

describe('calendarRange', () => {
  it('runs from the first Sunday to the Saturday that ends the last week', () => {
    expect(calendarRange(['2026-11-22', '2026-11-29', '2026-12-06'])).toEqual({ start: '2026-11-22', end: '2026-12-12' });
    expect(calendarRange(['2026-12-27'])).toEqual({ start: '2026-12-27', end: '2027-01-02' });
  });

  it('is null for a grid without weeks', () => {
    expect(calendarRange([])).toBeNull();
  });
});

describe('dueLabel', () => {
  it('names the deliverable, its percentage and its day', () => {
    expect(dueLabel({ description: 'IFP', percentage: 95, date: '2027-01-12', isCompleted: false })).toBe('IFP 95% due Tue 12 Jan');
  });

  it('leaves out a missing percentage and says when it is completed', () => {
    expect(dueLabel({ description: 'Kick-off', percentage: null, date: '2027-01-04', isCompleted: true })).toBe('Kick-off due Mon 4 Jan, completed');
    expect(dueLabel({ description: 'SD', percentage: 0, date: '2027-01-04', isCompleted: false })).toBe('SD 0% due Mon 4 Jan');
  });
});

describe('bucketByWeek', () => {
  const calendar = [
    deliverable({ id: 1, project: 5, description: 'DD', percentage: 75, date: '2027-01-10', isCompleted: true }),
    deliverable({ id: 2, project: 5, date: '2027-01-12' }),
    deliverable({ id: 3, project: 6, date: '2027-01-12' }),
    deliverable({ id: 4, project: 5, date: '2027-01-17' }),
    deliverable({ id: 5, project: 5, date: null }),
  ];
  const weeks = bucketByWeek(calendar);

  it('groups each project’s deliverables by the week they fall in, in date order', () => {
    expect(dueIn(weeks, 5, '2027-01-10')).toEqual([
      { id: 1, label: 'DD 75% due Sun 10 Jan, completed', completed: true },
      { id: 2, label: 'IFP 95% due Tue 12 Jan', completed: false },
    ]);
    expect(dueIn(weeks, 5, '2027-01-17').map((due) => due.id)).toEqual([4]);
    expect(dueIn(weeks, 6, '2027-01-10').map((due) => due.id)).toEqual([3]);
  });

  it('leaves out undated deliverables and answers an empty list for quiet weeks', () => {
    expect([...weeks.values()].flat().map((due) => due.id)).not.toContain(5);
    expect(dueIn(weeks, 6, '2027-01-17')).toEqual([]);
    expect(dueIn(weeks, 7, '2027-01-10')).toEqual([]);
  });

  it('joins a week’s deliverables into the words of its mark', () => {
    const dues = dueIn(weeks, 5, '2027-01-10');
    expect(dueSummary(dues)).toBe('DD 75% due Sun 10 Jan, completed; IFP 95% due Tue 12 Jan');
    expect(dueNote(dues)).toBe(', DD 75% due Sun 10 Jan, completed; IFP 95% due Tue 12 Jan');
    expect(dueNote([])).toBe('');
  });
});
