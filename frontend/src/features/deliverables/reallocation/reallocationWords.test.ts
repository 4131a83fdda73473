// The words of reallocation toasts: moved / saved / not moved, and an undo refused for
// weeks edited since.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import { formatDay } from '../../../ui/formatTime';
import { weekLabel } from '../../../ui/weeks';
import { dateSavedMessage, movedMessage, notMovedMessage, undoErrorMessage, undoneMessage, weekList } from './reallocationWords';

const dd = { description: 'DD', date: '2027-03-17' };
const due = formatDay('2027-03-17');

describe('reallocation words', () => {
  it('says what moved, and what did not fit under 168 hours', () => {
    const summary = { deltaWeeks: 2, assignmentsChanged: 2, touchedWeekKeys: ['2027-03-07'] };
    expect(movedMessage(dd, summary)).toBe(`DD is now due ${due}. Moved 2 assignments 2 weeks later.`);
    expect(movedMessage(dd, { ...summary, assignmentsChanged: 1, deltaWeeks: -1 })).toBe(`DD is now due ${due}. Moved 1 assignment 1 week earlier.`);
    expect(movedMessage(dd, { ...summary, assignmentsChanged: 0 })).toBe(`DD is now due ${due}. No planned hours needed to move.`);
    const capped = [{ assignmentId: 4, week: '2027-03-14', excess: 12.5 }];
    expect(movedMessage(dd, { ...summary, capped })).toBe(
      `DD is now due ${due}. Moved 2 assignments 2 weeks later. 12.5 h did not fit under the 168 h of the week of ${weekLabel('2027-03-14')} and were left out.`,
    );
  });

  it('says the date saved, or that the hours did not move and why', () => {
    expect(dateSavedMessage(dd)).toBe(`DD is now due ${due}.`);
    expect(dateSavedMessage({ description: 'DD', date: null })).toBe('DD has no date now.');
    expect(notMovedMessage(dd, { state: 'failed', error: { code: 'x', message: 'Lock timeout.' } })).toBe(
      `DD is now due ${due}. Its planned hours did not move: Lock timeout. Change them in the planning grid if needed.`,
    );
    expect(notMovedMessage(dd, { state: 'cancelled', error: null })).toContain('did not move: the move was cancelled.');
  });

  it('says the date an undo put back', () => {
    expect(undoneMessage({ description: 'DD', date: '2027-03-03' })).toBe(`Undone: DD is due ${formatDay('2027-03-03')} again, and its planned hours are back where they were.`);
    expect(undoneMessage({ description: 'DD', date: null })).toBe('Undone: DD has no date again, and its planned hours are back where they were.');
  });

  it('lists weeks once each, in order', () => {
    expect(weekList(['2027-03-21', '2027-03-14', '2027-03-21'])).toBe(`${weekLabel('2027-03-14')} and ${weekLabel('2027-03-21')}`);
    expect(weekList(['2027-03-14'])).toBe(weekLabel('2027-03-14'));
  });

  it('names the weeks edited since when an undo is refused, and says what to do', () => {
    const conflict = new ApiError({
      status: 409,
      code: 'reallocation_conflict',
      title: 'Conflict',
      detail: 'Some of the weeks the reallocation changed were edited since; undoing it would overwrite those edits.',
      errors: [
        { field: 'weeks.7.2027-03-21', code: 'week_changed', message: 'Assignment 7, week 2027-03-21: 4 h now, 8 h right after the reallocation.' },
        { field: 'weeks.8.2027-03-14', code: 'week_changed', message: '…' },
        { field: 'weeks.9.2027-03-21', code: 'week_changed', message: '…' },
      ],
    });
    expect(undoErrorMessage(conflict)).toBe(
      'Undo refused. Some of the weeks the reallocation changed were edited since; undoing it would overwrite those edits. ' +
        `Edited since: the weeks of ${weekLabel('2027-03-14')} and ${weekLabel('2027-03-21')}. Nothing was changed; adjust those weeks in the planning grid if needed.`,
    );
    const gone = new ApiError({ status: 404, code: 'no_reallocation', title: 'Not Found', detail: 'This deliverable has no reallocation left to undo.' });
    expect(undoErrorMessage(gone)).toBe('Undo failed. This deliverable has no reallocation left to undo.');
  });
});
