// A deliverable's date moves: who, when, old → new date, how far, how many assignments,
// undone or not; Undo on the newest one not undone (editors only), and the empty state.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReallocationRecord } from '../../../api/reallocations';
import { fetchCalls, jsonResponse, mockFetch } from '../../../test/render';
import { ToastProvider } from '../../../ui/toast/ToastProvider';
import { formatDay } from '../../../ui/formatTime';
import { ReallocationHistory } from './ReallocationHistory';

function makeMove(overrides: Partial<ReallocationRecord> & Pick<ReallocationRecord, 'id'>): ReallocationRecord {
  return {
    deliverable: 12,
    jobId: 90,
    oldDate: '2027-03-03',
    newDate: '2027-03-17',
    deltaWeeks: 2,
    assignmentsChanged: 3,
    touchedWeekKeys: ['2027-02-28', '2027-03-14'],
    capped: [],
    requestedBy: 1,
    requestedByName: 'alice',
    createdAt: '2027-03-01T09:00:00Z',
    undoneAt: null,
    undoneBy: null,
    undoneByName: null,
    undoRevertedDate: null,
    ...overrides,
  };
}

function renderHistory(moves: ReallocationRecord[], canEdit = true) {
  const fetchMock = mockFetch((url) =>
    url.endsWith('/reallocation/undo')
      ? jsonResponse({ reallocationId: 8, weeksRestored: 4, assignmentsChanged: 3, touchedWeekKeys: [], dateReverted: true,
          deliverable: { id: 12, description: 'DD', date: '2027-03-03' } })
      : jsonResponse(moves));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <ReallocationHistory deliverable={{ id: 12, description: 'DD' }} canEdit={canEdit} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return fetchMock;
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('ReallocationHistory', () => {
  it('lists each move, newest first, and offers Undo on the newest one not undone', async () => {
    const fetchMock = renderHistory([
      makeMove({ id: 8, oldDate: '2027-03-17', newDate: '2027-03-03', deltaWeeks: -2, assignmentsChanged: 1, requestedByName: 'bob' }),
      makeMove({ id: 7, undoneAt: '2027-03-01T10:00:00Z', undoneByName: 'carol', undoRevertedDate: true }),
      makeMove({ id: 6, requestedByName: null }),
    ]);
    const table = await screen.findByRole('table', { name: 'Date moves of DD' });
    expect(fetchCalls(fetchMock)[0]?.[0]).toBe('/api/deliverables/12/reallocations');
    const [newest, undone, oldest] = within(table).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement, HTMLElement];

    expect(cells(newest).slice(1, 5)).toEqual(['bob', `${formatDay('2027-03-17')} →to ${formatDay('2027-03-03')}`, '2 weeks earlier', '1']);
    expect(cells(undone)[5]).toMatch(/^Undone .+ by carol$/);
    expect(cells(oldest)[1]).toBe('Someone no longer here');
    expect(cells(oldest)[5]).toBe('No');

    await userEvent.click(within(newest).getByRole('button', { name: 'Undo the latest move of DD' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent(`Undone: DD is due ${formatDay('2027-03-03')} again`));
    const [url, init] = fetchCalls(fetchMock).find(([called]) => called.endsWith('/undo')) as [string, RequestInit];
    expect([url, init.method, init.body]).toEqual(['/api/deliverables/12/reallocation/undo', 'POST', '{"revertDate":true}']);
  });

  it('shows no Undo to readers', async () => {
    renderHistory([makeMove({ id: 8 })], false);
    const table = await screen.findByRole('table', { name: 'Date moves of DD' });
    expect(within(table).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when the date has not moved any hours yet', async () => {
    renderHistory([]);
    expect(await screen.findByText('Changing the date of DD has not moved any planned hours yet.')).toBeInTheDocument();
  });
});
