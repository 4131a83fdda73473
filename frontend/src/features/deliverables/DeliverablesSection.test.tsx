// The deliverables on the project page: inline edits (save with If-Match, Escape cancels,
// the server's field message beside the field), completion with the server's date,
// notes, add, delete after confirming, read-only, and a date move that moves the planned
// hours (toast with Undo). Reordering is in DeliverablesSection.order.test.tsx.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeMe, problem } from '../../test/fixtures';
import { jsonResponse } from '../../test/render';
import { formatDay } from '../../ui/formatTime';
import { makeDeliverable, openBridge, patched, rowNames, serveBridge, writes } from './deliverablesStand';

// Each test renders the whole project page; on a busy machine that can pass 5 s.
describe('deliverables on the project page', { timeout: 15_000 }, () => {
  it('edits a value in place: Enter saves with If-Match, focus stays on the value', async () => {
    const { fetchMock } = serveBridge((url, init, rows) => patched(url, init, rows));
    const table = await openBridge();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Edit Percentage of DD: 75%' }));
    const input = within(table).getByRole('textbox', { name: 'Percentage of DD' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, '80{Enter}');
    const value = await within(table).findByRole('button', { name: 'Edit Percentage of DD: 80%' });
    await waitFor(() => expect(value).toHaveFocus());
    const [[url, init]] = writes(fetchMock) as [[string, RequestInit]];
    expect([url, init.method, new Headers(init.headers).get('If-Match')]).toEqual(['/api/deliverables/12', 'PATCH', '"3"']);
    expect(JSON.parse(init.body as string)).toEqual({ percentage: 80 });
  });

  it('Escape cancels an edit without saving', async () => {
    const { fetchMock } = serveBridge();
    const table = await openBridge();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Edit Description of SD: SD' }));
    await user.type(within(table).getByRole('textbox', { name: 'Description of SD' }), ' (revised){Escape}');
    expect(within(table).getByRole('button', { name: 'Edit Description of SD: SD' })).toHaveFocus();
    expect(writes(fetchMock)).toEqual([]);
  });

  it('shows the server’s field message beside the field and keeps the text', async () => {
    serveBridge(() =>
      problem(400, 'validation_failed', 'Check the highlighted fields.', {
        errors: [{ field: 'date', code: 'invalid_date', message: 'Use a date like 2026-11-22.' }],
      }),
    );
    const table = await openBridge();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Edit Date of IFC: none' }));
    const input = within(table).getByLabelText('Date of IFC');
    fireEvent.change(input, { target: { value: '2026-12-01' } });
    await user.keyboard('{Enter}');
    expect(await within(table).findByRole('alert')).toHaveTextContent('Use a date like 2026-11-22.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue('2026-12-01');
  });

  it('moves a date with its planned hours: waits for the move and says so, with Undo', async () => {
    const move = { jobId: 9, state: 'succeeded', deltaWeeks: 2, assignmentsChanged: 1, touchedWeekKeys: ['2027-03-07', '2027-03-21'], capped: [] };
    const { fetchMock, rows } = serveBridge((url, init, current) => {
      if (url.pathname.endsWith('/undo')) return jsonResponse({ touchedWeekKeys: [], deliverable: { ...current[1], date: '2027-03-03' } });
      patched(url, init, current);
      return jsonResponse({ ...current[1], reallocation: move });
    });
    rows[1] = { ...rows[1]!, date: '2027-03-03' };
    const table = await openBridge();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: `Edit Date of DD: ${formatDay('2027-03-03')}` }));
    fireEvent.change(within(table).getByLabelText('Date of DD'), { target: { value: '2027-03-17' } });
    await user.keyboard('{Enter}');

    await within(table).findByRole('button', { name: `Edit Date of DD: ${formatDay('2027-03-17')}` });
    expect(new Headers(writes(fetchMock)[0]![1].headers).get('Prefer')).toBe('wait=5');
    expect(screen.getByTestId('toasts')).toHaveTextContent(`DD is now due ${formatDay('2027-03-17')}. Moved 1 assignment 2 weeks later.`);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(writes(fetchMock).map(([url]) => url)).toContain('/api/deliverables/12/reallocation/undo'));
  });

  it('says what is wrong with a percentage before asking the server', async () => {
    const { fetchMock } = serveBridge();
    const table = await openBridge();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Edit Percentage of SD: 35%' }));
    await user.type(within(table).getByRole('textbox', { name: 'Percentage of SD' }), '0{Enter}');
    expect(within(table).getByRole('alert')).toHaveTextContent('Use a whole number from 0 to 100.');
    expect(writes(fetchMock)).toEqual([]);
  });

  it('completes a deliverable and shows the date the server recorded', async () => {
    const { fetchMock } = serveBridge((url, init, rows) => patched(url, init, rows, { completedDate: '2026-11-22' }));
    const table = await openBridge();
    const user = userEvent.setup();
    const done = within(table).getByRole('checkbox', { name: 'SD completed' });
    expect(done).toHaveAccessibleDescription('Not done');
    await user.click(done);
    await waitFor(() => expect(done).toHaveAccessibleDescription(`Done ${formatDay('2026-11-22')}`));
    expect(done).toBeChecked();
    expect(JSON.parse(writes(fetchMock)[0]![1].body as string)).toEqual({ isCompleted: true });
  });

  it('edits notes in a row of their own', async () => {
    const { fetchMock } = serveBridge((url, init, rows) => patched(url, init, rows));
    const table = await openBridge();
    const user = userEvent.setup();
    await user.click(within(table).getByRole('button', { name: 'Add notes for DD' }));
    await user.type(within(table).getByRole('textbox', { name: 'Notes for DD' }), 'Client review on Tuesday');
    await user.click(within(table).getByRole('button', { name: 'Save notes' }));
    const toggle = await within(table).findByRole('button', { name: 'Notes for DD: Client review on Tuesday' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(JSON.parse(writes(fetchMock)[0]![1].body as string)).toEqual({ notes: 'Client review on Tuesday' });
  });

  it('adds a deliverable at the end and deletes one after confirming', async () => {
    const { fetchMock } = serveBridge((_url, init) => {
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return jsonResponse({ ...makeDeliverable(15, 'Tender', 50, 4), date: '2027-01-10' }, 201);
    });
    const table = await openBridge();
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Add a deliverable' });
    await user.type(within(form).getByLabelText('New deliverable'), 'Tender');
    await user.type(within(form).getByLabelText('Percentage'), '50');
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2027-01-10' } });
    await user.click(within(form).getByRole('button', { name: 'Add deliverable' }));
    await waitFor(() => expect(rowNames(table)).toEqual(['SD', 'DD', 'IFP', 'IFC', 'Tender']));
    expect(JSON.parse(writes(fetchMock)[0]![1].body as string)).toEqual({ description: 'Tender', percentage: 50, date: '2027-01-10', project: 4 });
    expect(screen.getByLabelText('New deliverable')).toHaveValue('');

    await user.click(within(table).getByRole('button', { name: 'Delete DD' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete DD?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete deliverable' }));
    await waitFor(() => expect(rowNames(table)).toEqual(['SD', 'IFP', 'IFC', 'Tender']));
    const [url, init] = writes(fetchMock)[1]!;
    expect([url, init.method, new Headers(init.headers).get('If-Match')]).toEqual(['/api/deliverables/12', 'DELETE', '"3"']);
  });

  it('shows plain users the deliverables read-only', async () => {
    serveBridge();
    const table = await openBridge(makeMe({ role: 'user' }));
    expect(rowNames(table)).toEqual(['SD', 'DD', 'IFP', 'IFC']);
    // Readers may open each date's history of hour moves, and change nothing.
    expect(within(table).getAllByRole('button').map((button) => button.textContent)).toEqual(
      ['SD', 'DD', 'IFP', 'IFC'].map((name) => `History of the date moves of ${name}`),
    );
    expect(within(table).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(table).getAllByText('Not done')).toHaveLength(4);
    expect(screen.queryByRole('form', { name: 'Add a deliverable' })).not.toBeInTheDocument();
  });
});
