// The department filter's URL logic: reading with the include-children default, writing
// only department/sub (other params kept, page and open department dropped on a real
// change), and the search string nav links and in-page links carry.
import { describe, expect, it } from 'vitest';
import { applyScope, readScope, scopeEntries, scopeSearch, withScope } from './scopeParams';

const query = (search: string) => new URLSearchParams(search);

describe('department scope in the URL', () => {
  it('reads the department and includes sub-departments unless sub=0', () => {
    expect(readScope(query(''))).toEqual({ department: null, includeChildren: true });
    expect(readScope(query('department=3'))).toEqual({ department: 3, includeChildren: true });
    expect(readScope(query('department=3&sub=1'))).toEqual({ department: 3, includeChildren: true });
    expect(readScope(query('department=3&sub=0'))).toEqual({ department: 3, includeChildren: false });
  });

  it('ignores department values that are not ids', () => {
    for (const bad of ['x', '0', '-2', '1.5', '']) expect(readScope(query(`department=${bad}`)).department).toBeNull();
  });

  it('writes sub explicitly with a department and nothing without one', () => {
    expect(scopeEntries({ department: 3, includeChildren: true })).toEqual([['department', '3'], ['sub', '1']]);
    expect(scopeEntries({ department: 3, includeChildren: false })).toEqual([['department', '3'], ['sub', '0']]);
    expect(scopeEntries({ department: null, includeChildren: false })).toEqual([]);
  });

  it('replaces the scope, keeps the page params and drops page and selected on a change', () => {
    const before = query('q=ann&department=3&sub=1&page=4&selected=9&sort=-name');
    expect(applyScope(before, { department: 5, includeChildren: true }).toString()).toBe('q=ann&sort=-name&department=5&sub=1');
    expect(applyScope(before, { department: 3, includeChildren: false }).toString()).toBe('q=ann&sort=-name&department=3&sub=0');
    expect(applyScope(before, { department: null, includeChildren: true }).toString()).toBe('q=ann&sort=-name');
    expect(before.toString()).toBe('q=ann&department=3&sub=1&page=4&selected=9&sort=-name');
  });

  it('leaves page and selected alone when the scope stays the same', () => {
    expect(applyScope(query('department=3&page=2'), { department: 3, includeChildren: true }).toString()).toBe('page=2&department=3&sub=1');
  });

  it('gives nav links only the scope to carry', () => {
    expect(scopeSearch(query('q=ann&department=3&page=2'))).toBe('?department=3&sub=1');
    expect(scopeSearch(query('department=3&sub=0'))).toBe('?department=3&sub=0');
    expect(scopeSearch(query('q=ann&sub=0'))).toBe('');
  });

  it('adds the scope to a link target unless it names its own', () => {
    const scope = { department: 3, includeChildren: false };
    expect(withScope('', scope)).toBe('?department=3&sub=0');
    expect(withScope('?q=ann', scope)).toBe('?q=ann&department=3&sub=0');
    expect(withScope('?department=5', scope)).toBe('?department=5');
    expect(withScope('?q=a b', { department: null, includeChildren: true })).toBe('?q=a b');
  });
});
