// Vitest setup for component tests: jest-dom matchers, stand-ins for <dialog>'s modal
// methods and an element's scrollTo (jsdom lacks them), and DOM, storage and session
// cleanup between tests. The
// pages load lazily (code split per route): a file's first render also compiles the page,
// so the findBy* queries wait longer than the library's 1 s default.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearSession } from '../auth/sessionStore';

configure({ asyncUtilTimeout: 5000 });

HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.open = false;
  this.dispatchEvent(new Event('close'));
};

// What an instant scroll does in a browser, where TanStack Virtual scrolls rows into view
// with it: the element moves, and a move is announced by a scroll event.
Element.prototype.scrollTo = function scrollTo(this: Element, x?: ScrollToOptions | number, y?: number) {
  const { left = this.scrollLeft, top = this.scrollTop } = typeof x === 'number' ? { left: x, top: y } : (x ?? {});
  if (left === this.scrollLeft && top === this.scrollTop) return;
  this.scrollLeft = left;
  this.scrollTop = top;
  this.dispatchEvent(new Event('scroll'));
};

afterEach(() => {
  cleanup();
  clearSession();
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});
