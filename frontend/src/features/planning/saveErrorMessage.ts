// Words for a refused batch of hour edits: who changed what (412), the server's own
// message for a bad cell (naming the week), or the general wording for anything else.
import { ApiError } from '../../api/errors';
import { isStaleWrite } from '../../api/versioned';
import { errorMessage } from '../../ui/errorMessage';
import type { CellEdit } from './gridModel';
import { longWeek } from '../../ui/weeks';

export function saveErrorMessage(error: unknown, edits: readonly CellEdit[]): string {
  const count = edits.length === 1 ? 'Your change was' : `Your ${edits.length} changes were`;
  if (isStaleWrite(error)) {
    return `${count} not saved: someone else changed these hours meanwhile. The grid now shows their version; make your change again if it is still needed.`;
  }
  if (error instanceof ApiError && error.errors.length > 0) {
    const first = error.errors[0]!;
    const week = /weeklyHours\.(\d{4}-\d{2}-\d{2})$/.exec(first.field)?.[1];
    return `${count} not saved. ${week ? `${longWeek(week)}: ` : ''}${first.message}`;
  }
  return `${count} not saved. ${errorMessage(error)}`;
}
