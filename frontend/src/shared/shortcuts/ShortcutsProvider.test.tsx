// The "?" overlay: opens on ? from anywhere but a text field, lists the global and the
// grid's shortcuts in an accessible dialog, closes on Escape or Close, and gives the
// keyboard back to where it was; a toolbar button can open it too.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isTypingTarget } from './isTypingTarget';
import { useShortcutsHelp } from './shortcutsContext';
import { ShortcutsProvider } from './ShortcutsProvider';

function HelpButton() {
  const open = useShortcutsHelp();
  return open && (
    <button type="button" onClick={open}>
      Keyboard shortcuts (?)
    </button>
  );
}

function renderApp() {
  render(
    <ShortcutsProvider>
      <button type="button">Before</button>
      <label>
        Name <input />
      </label>
      <textarea aria-label="Notes" />
      <div contentEditable aria-label="Editable" role="textbox" tabIndex={0} />
      <HelpButton />
    </ShortcutsProvider>,
  );
}

const dialog = () => screen.queryByRole('dialog', { name: 'Keyboard shortcuts' });

describe('keyboard shortcuts overlay', () => {
  it('opens on ? and lists the global and grid shortcuts', () => {
    renderApp();
    const before = screen.getByRole('button', { name: 'Before' });
    before.focus();
    fireEvent.keyDown(before, { key: '?' });
    const open = dialog()!;
    expect(open).toBeInTheDocument();
    expect(within(open).getByRole('table', { name: 'Anywhere' })).toBeInTheDocument();
    for (const action of [/Move to the next cell/, /Edit the cell’s hours/, /Select a range/, /Fill every cell/, /Clear the hours/, /Undo the last edit/]) {
      expect(within(open).getByRole('row', { name: action })).toBeInTheDocument();
    }
  });

  it('does not open while someone types in a field', () => {
    renderApp();
    for (const field of [screen.getByRole('textbox', { name: 'Name' }), screen.getByRole('textbox', { name: 'Notes' }), screen.getByRole('textbox', { name: 'Editable' })]) {
      field.focus();
      fireEvent.keyDown(field, { key: '?' });
      expect(dialog()).not.toBeInTheDocument();
    }
  });

  it('closes on Escape and gives focus back', () => {
    renderApp();
    const before = screen.getByRole('button', { name: 'Before' });
    before.focus();
    fireEvent.keyDown(before, { key: '?' });
    const close = within(dialog()!).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(dialog()).not.toBeInTheDocument();
    expect(before).toHaveFocus();
  });

  it('opens from a button and closes with Close, back on that button', () => {
    renderApp();
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts (?)' });
    button.focus();
    fireEvent.click(button);
    fireEvent.click(within(dialog()!).getByRole('button', { name: 'Close' }));
    expect(dialog()).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('leaves ? with a modifier or already handled alone', () => {
    renderApp();
    fireEvent.keyDown(document.body, { key: '?', ctrlKey: true });
    const handled = new KeyboardEvent('keydown', { key: '?', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect(dialog()).not.toBeInTheDocument();
  });
});

describe('isTypingTarget', () => {
  it('knows fields and editable regions from other elements', () => {
    const host = document.createElement('div');
    host.innerHTML = '<input><select></select><div contenteditable="true"><b>x</b></div><div contenteditable="false"></div><button></button>';
    const [input, select, editable, notEditable, button] = [...host.children];
    expect(isTypingTarget(input!)).toBe(true);
    expect(isTypingTarget(select!)).toBe(true);
    expect(isTypingTarget(editable!.firstElementChild)).toBe(true);
    expect(isTypingTarget(notEditable!)).toBe(false);
    expect(isTypingTarget(button!)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
