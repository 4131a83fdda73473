// Moving deliverables: one item to a new index, and what a drop before/after a row means.
import { describe, expect, it } from 'vitest';
import { dropIndex, moveItem } from './deliverableOrder';

describe('moveItem', () => {
  it('moves one item up or down, leaving the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('leaves the list alone when there is nothing at `from`', () => {
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('dropIndex', () => {
  it('counts the dragged row out of the rows it passes', () => {
    expect(dropIndex(3, 0, 'before')).toBe(0);
    expect(dropIndex(0, 2, 'after')).toBe(2);
    expect(dropIndex(0, 2, 'before')).toBe(1);
    expect(dropIndex(2, 1, 'after')).toBe(2);
    expect(dropIndex(1, 1, 'before')).toBe(1);
  });
});
