// Who may change which hours: planners change anyone's, a plain user only their own
// linked person's, an unlinked user or a visitor nobody's.
import { describe, expect, it } from 'vitest';
import { canEditHours, plansEveryone } from './planAccess';

describe('canEditHours', () => {
  it.each([
    ['admin', null, 4, true],
    ['manager', 9, 4, true],
    ['user', 4, 4, true],
    ['user', 9, 4, false],
    ['user', null, 4, false],
  ] as const)('a %s linked to %s may change person %d: %s', (role, person, personId, allowed) => {
    expect(canEditHours({ role, person }, personId)).toBe(allowed);
  });

  it('refuses when nobody is signed in', () => {
    expect(canEditHours(null, 4)).toBe(false);
  });
});

describe('plansEveryone', () => {
  it('is managers and admins only', () => {
    expect(plansEveryone({ role: 'admin', person: null })).toBe(true);
    expect(plansEveryone({ role: 'manager', person: null })).toBe(true);
    expect(plansEveryone({ role: 'user', person: 4 })).toBe(false);
    expect(plansEveryone(null)).toBe(false);
  });
});
