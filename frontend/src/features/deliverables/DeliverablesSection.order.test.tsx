// Reordering the deliverables on the project page, by keyboard and by drag: saved
// through the reorder endpoint, rolled back with a message when refused.
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem } from '../../test/fixtures';
import { jsonResponse } from '../../test/render';
import { openBridge, rowNames, serveBridge, writes } from './deliverablesStand';

// Each test renders the whole project page; on a busy machine that can pass 5 s.
describe('reordering deliverables on the project page', { timeout: 15_000 }, () => {
  it('moves a row with Alt+ArrowUp, saving the new order and keeping focus on it', async () => {
    const { fetchMock } = serveBridge((_url, init, rows) => {
      const order = (JSON.parse(init.body as string) as { order: number[] }).order;
      return jsonResponse(order.map((id, sortOrder) => ({ ...rows.find((row) => row.id === id)!, sortOrder })));
    });
    const table = await openBridge();
    const user = userEvent.setup();
    const handle = within(table).getByRole('button', { name: 'Move IFC' });
    handle.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(rowNames(table)).toEqual(['SD', 'DD', 'IFC', 'IFP']);
    expect(screen.getByText('IFC moved to position 3 of 4.')).toBeInTheDocument();
    await waitFor(() => expect(within(table).getByRole('button', { name: 'Move IFC' })).toHaveFocus());
    const [[url, init]] = writes(fetchMock) as [[string, RequestInit]];
    expect(url).toBe('/api/projects/4/deliverables/reorder');
    expect(JSON.parse(init.body as string)).toEqual({ order: [11, 12, 14, 13] });
  });

  it('puts the old order back with a message when the new one is refused', async () => {
    const { fetchMock } = serveBridge(() => problem(400, 'validation_failed', 'List each of this project’s deliverables exactly once.'));
    const table = await openBridge();
    const user = userEvent.setup();
    within(table).getByRole('button', { name: 'Move SD' }).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(await screen.findByText(/The new order was not saved, so the previous order is back\. List each/)).toBeInTheDocument();
    expect(JSON.parse(writes(fetchMock)[0]![1].body as string)).toEqual({ order: [12, 11, 13, 14] });
    expect(rowNames(table)).toEqual(['SD', 'DD', 'IFP', 'IFC']);
  });

  it('drops a dragged row before the row under the pointer', async () => {
    const { fetchMock } = serveBridge((_url, init, rows) => {
      const order = (JSON.parse(init.body as string) as { order: number[] }).order;
      return jsonResponse(order.map((id) => rows.find((row) => row.id === id)));
    });
    const table = await openBridge();
    const [first, , , last] = within(table).getAllByRole('row').slice(1);
    const dataTransfer = { setData: () => undefined, effectAllowed: '', dropEffect: '' };
    fireEvent.pointerDown(within(last!).getByRole('button', { name: 'Move IFC' }));
    expect(last).toHaveAttribute('draggable', 'true');
    fireEvent.dragStart(last!, { dataTransfer });
    // jsdom has no DragEvent (so no clientY) and no layout: a 30px row, pointer in its top half.
    first!.getBoundingClientRect = () => DOMRect.fromRect({ y: 0, height: 30 });
    const over = createEvent.dragOver(first!, { dataTransfer });
    Object.defineProperty(over, 'clientY', { value: 5 });
    fireEvent(first!, over);
    expect(first).toHaveAttribute('data-drop', 'before');
    fireEvent.drop(first!, { dataTransfer });
    await waitFor(() => expect(rowNames(table)).toEqual(['IFC', 'SD', 'DD', 'IFP']));
    expect(first).not.toHaveAttribute('data-drop');
    expect(JSON.parse(writes(fetchMock)[0]![1].body as string)).toEqual({ order: [14, 11, 12, 13] });
  });
});
