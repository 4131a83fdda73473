// Tests for the `next` sanitiser: only same-site paths survive.
import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './nextPath';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeNextPath('/profile')).toBe('/profile');
    expect(safeNextPath('/admin/users?search=bo&role=user#top')).toBe('/admin/users?search=bo&role=user#top');
  });

  it.each([
    [null],
    [''],
    ['profile'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    [' /profile'],
    ['/login?next=/profile'],
  ])('falls back to / for %j', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });

  it('builds login links that come back', () => {
    expect(loginPathFor('/admin/users?role=admin')).toBe('/login?next=%2Fadmin%2Fusers%3Frole%3Dadmin');
    expect(loginPathFor('/')).toBe('/login');
  });
});
