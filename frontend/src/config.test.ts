// Tests for the build-flag parsing in config.ts.
import { describe, expect, it } from 'vitest';
import { cookieRefreshAuth, parseBooleanFlag } from './config';

describe('parseBooleanFlag', () => {
  it('reads true/false and falls back otherwise', () => {
    expect(parseBooleanFlag('true', false)).toBe(true);
    expect(parseBooleanFlag(' FALSE ', true)).toBe(false);
    expect(parseBooleanFlag(undefined, true)).toBe(true);
    expect(parseBooleanFlag('maybe', false)).toBe(false);
  });

  it('defaults VITE_COOKIE_REFRESH_AUTH to true', () => {
    expect(cookieRefreshAuth).toBe(true);
  });
});
