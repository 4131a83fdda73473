// The people list's URL state: reading and writing round-trip, defaults stay out of
// the URL, unknown values fall back, and the department filter's sub defaults to included.
import { describe, expect, it } from 'vitest';
import { readPeopleParams, writePeopleParams } from './peopleParams';

describe('people URL state', () => {
  it('round-trips every filter, the sort and the page', () => {
    const search = 'q=ann&department=3&sub=1&role=2&active=false&sort=-weeklyCapacity&page=2';
    const query = readPeopleParams(new URLSearchParams(search));
    expect(query).toEqual({
      search: 'ann',
      department: 3,
      includeChildren: true,
      role: 2,
      active: 'false',
      sort: '-weeklyCapacity',
      page: 2,
    });
    expect(writePeopleParams(query).toString()).toBe(search);
  });

  it('leaves defaults out and ignores values it does not know', () => {
    const query = readPeopleParams(new URLSearchParams('sort=salary&active=maybe&department=x&page=-4'));
    expect(query).toMatchObject({ sort: 'name', active: '', department: null, page: 1 });
    expect(writePeopleParams(query).toString()).toBe('');
  });

  it('includes sub-departments unless sub=0, like every other page', () => {
    expect(readPeopleParams(new URLSearchParams('department=3'))).toMatchObject({ department: 3, includeChildren: true });
    const only = readPeopleParams(new URLSearchParams('department=3&sub=0'));
    expect(only).toMatchObject({ department: 3, includeChildren: false });
    expect(writePeopleParams(only).toString()).toBe('department=3&sub=0');
  });
});
