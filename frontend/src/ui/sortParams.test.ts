// A sort in the URL: known keys either way round, and header clicks toggling it.
import { describe, expect, it } from 'vitest';
import { isSort, nextSort } from './sortParams';

describe('sort params', () => {
  it('knows the keys, ascending or descending', () => {
    expect(isSort(['name', 'department'], '-department')).toBe(true);
    expect(isSort(['name', 'department'], 'name')).toBe(true);
    expect(isSort(['name', 'department'], 'salary')).toBe(false);
    expect(isSort(['name', 'department'], null)).toBe(false);
  });

  it('sorts a new column ascending, then reverses it, then ascending again', () => {
    expect(nextSort('name', 'department')).toBe('department');
    expect(nextSort('department', 'department')).toBe('-department');
    expect(nextSort('-department', 'department')).toBe('department');
  });
});
