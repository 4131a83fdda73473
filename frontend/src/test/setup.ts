// Vitest setup for component tests: jest-dom matchers, a stand-in for <dialog>'s modal
// methods (jsdom lacks them), and DOM, storage and session cleanup between tests. The
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

afterEach(() => {
  cleanup();
  clearSession();
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});
