// What the "?" overlay lists: the shortcuts that work anywhere in the app, then the
// planning grid's (navigation, editing, ranges, fill, clear, undo). Keys are shown as
// written here; `note` adds the mouse or the condition in words.
export interface Shortcut {
  /** Alternative keys, each shown as one key cap (a "+" joins keys pressed together). */
  keys: string[];
  action: string;
  note?: string;
}

export interface ShortcutSection {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_SECTIONS: ShortcutSection[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['?'], action: 'Show this list', note: 'not while typing in a field' },
      { keys: ['Esc'], action: 'Close a dialog, a menu or this list' },
      { keys: ['Tab', 'Shift+Tab'], action: 'Go to the next or previous control' },
      { keys: ['Alt+T'], action: 'Go to the newest notification', note: 'to its Undo, when it has one; Esc closes it' },
    ],
  },
  {
    title: 'Planning grid: moving around',
    shortcuts: [
      { keys: ['↑', '↓', '←', '→'], action: 'Move to the next cell' },
      { keys: ['Tab', 'Shift+Tab'], action: 'Move right or left along the row' },
      { keys: ['Home', 'End'], action: 'Go to the first or last cell of the row' },
      { keys: ['Enter'], action: 'Show or hide a person’s projects', note: 'on the person’s name' },
    ],
  },
  {
    title: 'Planning grid: editing hours',
    shortcuts: [
      { keys: ['0–9'], action: 'Start typing hours into the cell' },
      { keys: ['Enter', 'F2'], action: 'Edit the cell’s hours', note: 'or double-click it' },
      { keys: ['Enter', 'Tab'], action: 'Save and move down or right', note: 'while editing; with Shift, up or left' },
      { keys: ['Esc'], action: 'Cancel the edit', note: 'while editing' },
      { keys: ['Ctrl+Z', '⌘+Z'], action: 'Undo the last edit', note: 'press again to go further back' },
    ],
  },
  {
    title: 'Planning grid: ranges',
    shortcuts: [
      { keys: ['Shift+↑', 'Shift+↓', 'Shift+←', 'Shift+→'], action: 'Select a range of cells', note: 'or drag with the mouse, or Shift+click' },
      { keys: ['Esc'], action: 'Shrink the range back to one cell' },
      { keys: ['0–9', 'Enter'], action: 'Fill every cell of the range with the hours typed' },
      { keys: ['Delete', 'Backspace'], action: 'Clear the hours of every selected cell' },
    ],
  },
];
