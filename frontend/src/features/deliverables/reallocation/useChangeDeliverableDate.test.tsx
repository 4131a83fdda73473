// The shared date change: PATCH with Prefer: wait=5, then a toast for each way it can
// end (moved in time, moved after a watch of the job, nothing to move), Undo from the
// toast (done, and refused for weeks edited since), and the grids refreshed.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Deliverable, DeliverableSaved } from '../../../api/deliverables';
import { problem } from '../../../test/fixtures';
import { fetchCalls, jsonResponse, mockFetch } from '../../../test/render';
import { ToastProvider } from '../../../ui/toast/ToastProvider';
import { formatDay } from '../../../ui/formatTime';
import { makeJob } from '../../../test/jobData';
import { weekLabel } from '../../../ui/weeks';
import { useChangeDeliverableDate } from './useChangeDeliverableDate';

const dd: Deliverable = {
  id: 12, project: 4, projectName: 'Bridge', description: 'DD', percentage: 75, date: '2027-03-03', sortOrder: 1,
  isCompleted: false, completedDate: null, notes: '', version: 3,
};
const moved = { ...dd, date: '2027-03-17', version: 4 };
const due = formatDay('2027-03-17');

function setup(answer: (url: URL, init: RequestInit) => Response) {
  const fetchMock = mockFetch((raw, init) => answer(new URL(raw, 'http://localhost'), init));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const invalidated = vi.spyOn(queryClient, 'invalidateQueries');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useChangeDeliverableDate(), { wrapper });
  const change = () => act(() => result.current.mutateAsync({ deliverable: dd, changes: { date: '2027-03-17' } }));
  const refreshedKeys = () => invalidated.mock.calls.map(([filters]) => filters?.queryKey);
  return { fetchMock, change, refreshedKeys };
}

const saved = (reallocation?: DeliverableSaved['reallocation']): Response => jsonResponse({ ...moved, ...(reallocation ? { reallocation } : {}) });
const toasts = () => screen.getByRole('status', { name: 'Notifications' });

describe('useChangeDeliverableDate', () => {
  it('asks the server to wait, and when the hours moved in time says so with Undo and refreshes the grids', async () => {
    const { fetchMock, change, refreshedKeys } = setup(() =>
      saved({ jobId: 9, state: 'succeeded', deltaWeeks: 2, assignmentsChanged: 3, touchedWeekKeys: ['2027-03-07', '2027-03-21'], capped: [] }));
    await change();

    const [[url, init]] = fetchCalls(fetchMock) as [[string, RequestInit]];
    const headers = new Headers(init.headers);
    expect([url, init.method, headers.get('Prefer'), headers.get('If-Match')]).toEqual(['/api/deliverables/12', 'PATCH', 'wait=5', '"3"']);
    expect(JSON.parse(init.body as string)).toEqual({ date: '2027-03-17' });
    expect(toasts()).toHaveTextContent(`DD is now due ${due}. Moved 3 assignments 2 weeks later.`);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(refreshedKeys()).toEqual([['planning'], ['assignments'], ['deliverables']]);
  });

  it('watches a move still running and then says what moved', async () => {
    const { fetchMock, change, refreshedKeys } = setup((url) => {
      if (url.pathname === '/api/jobs/9') {
        return jsonResponse(makeJob({ id: 9, state: 'succeeded', result: { deltaWeeks: -1, assignmentsChanged: 1, touchedWeekKeys: ['2027-02-28'], capped: [] } }));
      }
      return saved({ jobId: 9, state: 'queued', deltaWeeks: -1 });
    });
    await change();

    expect(await screen.findByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(toasts()).toHaveTextContent(`DD is now due ${due}. Moved 1 assignment 1 week earlier.`);
    const [, [jobUrl, jobInit]] = fetchCalls(fetchMock) as [unknown, [string, RequestInit]];
    expect([jobUrl, new Headers(jobInit.headers).get('Prefer')]).toEqual(['/api/jobs/9', 'wait=10']);
    expect(refreshedKeys()).toEqual([['planning'], ['assignments'], ['deliverables']]);
  });

  it('says the hours did not move when the job failed', async () => {
    const { change, refreshedKeys } = setup((url) =>
      url.pathname === '/api/jobs/9'
        ? jsonResponse(makeJob({ id: 9, state: 'failed', error: { code: 'lock_timeout', message: 'The project was busy.' } }))
        : saved({ jobId: 9, state: 'running', deltaWeeks: 2 }));
    await change();

    await waitFor(() => expect(toasts()).toHaveTextContent(`DD is now due ${due}. Its planned hours did not move: The project was busy.`));
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(refreshedKeys()).toEqual([]);
  });

  it.each([
    ['no reallocation (a first date, or AUTO_REALLOCATION off)', undefined],
    ['a move within the week', { jobId: null, state: 'none' as const, deltaWeeks: 0 }],
  ])('shows the plain saved toast, without Undo or a grid refresh, for %s', async (_case, reallocation) => {
    const { change, refreshedKeys } = setup(() => saved(reallocation));
    await change();
    expect(toasts()).toHaveTextContent(`DD is now due ${due}.`);
    expect(toasts()).not.toHaveTextContent('Moved');
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(refreshedKeys()).toEqual([]);
  });

  it('undoes from the toast, putting the date back', async () => {
    const { fetchMock, change, refreshedKeys } = setup((url) =>
      url.pathname.endsWith('/reallocation/undo')
        ? jsonResponse({ reallocationId: 5, weeksRestored: 4, assignmentsChanged: 3, touchedWeekKeys: [], dateReverted: true, deliverable: dd })
        : saved({ jobId: 9, state: 'succeeded', deltaWeeks: 2, assignmentsChanged: 3, touchedWeekKeys: [], capped: [] }));
    await change();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(toasts()).toHaveTextContent(`Undone: DD is due ${formatDay('2027-03-03')} again, and its planned hours are back where they were.`));
    const [url, init] = fetchCalls(fetchMock).at(-1) as [string, RequestInit];
    expect([url, init.method, JSON.parse(init.body as string)]).toEqual(['/api/deliverables/12/reallocation/undo', 'POST', { revertDate: true }]);
    expect(refreshedKeys().slice(-3)).toEqual([['planning'], ['assignments'], ['deliverables']]);
  });

  it('says clearly which weeks stopped an undo', async () => {
    const { change } = setup((url) =>
      url.pathname.endsWith('/reallocation/undo')
        ? problem(409, 'reallocation_conflict', 'Some of the weeks the reallocation changed were edited since; undoing it would overwrite those edits.', {
            errors: [{ field: 'weeks.7.2027-03-21', code: 'week_changed', message: 'Assignment 7, week 2027-03-21: 4 h now, 8 h right after the reallocation.' }],
          })
        : saved({ jobId: 9, state: 'succeeded', deltaWeeks: 2, assignmentsChanged: 3, touchedWeekKeys: [], capped: [] }));
    await change();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(toasts()).toHaveTextContent(`Undo refused. Some of the weeks the reallocation changed were edited since; undoing it would overwrite those edits. Edited since: the week of ${weekLabel('2027-03-21')}.`));
    expect(toasts()).toHaveTextContent('Nothing was changed; adjust those weeks in the planning grid if needed.');
  });
});
