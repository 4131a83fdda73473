// Test helpers for the planning grids: keys pressed where the keyboard is (the cell
// editor while one is open, else the grid) and text typed into the focused editor.
import { fireEvent } from '@testing-library/react';

export function press(grid: HTMLElement, ...keys: string[]) {
  for (const key of keys) {
    const target = document.activeElement instanceof HTMLInputElement ? document.activeElement : grid;
    fireEvent.keyDown(target, { key });
  }
}

export function typeText(text: string) {
  fireEvent.change(document.activeElement!, { target: { value: text } });
}
