// Tests for the department tree's keys: arrows, Home and End move, Right and Left
// expand, collapse or step in and out, Enter opens.
import { describe, expect, it } from 'vitest';
import { buildTree, visibleRows } from '../../shared/departments/departmentTree';
import { TREE_DEPARTMENTS as departments } from '../../test/departmentTreeData';
import { treeKeyAction } from './treeKeys';

describe('tree keys', () => {
  const collapsed = new Set([2]);
  const isExpanded = (id: number) => !collapsed.has(id);
  const rows = visibleRows(buildTree(departments), isExpanded); // Admin, Engineering, civil, Electrical, Orphan

  it.each([
    ['ArrowDown', 5, { type: 'focus', id: 1 }],
    ['ArrowUp', 1, { type: 'focus', id: 5 }],
    ['ArrowUp', 5, null],
    ['End', 5, { type: 'focus', id: 6 }],
    ['Home', 3, { type: 'focus', id: 5 }],
    ['ArrowRight', 1, { type: 'focus', id: 2 }],
    ['ArrowRight', 2, { type: 'expand', id: 2 }],
    ['ArrowRight', 3, null],
    ['ArrowLeft', 1, { type: 'collapse', id: 1 }],
    ['ArrowLeft', 3, { type: 'focus', id: 1 }],
    ['Enter', 3, { type: 'open', id: 3 }],
    ['x', 3, null],
  ] as const)('%s on department %i', (key, id, action) => {
    expect(treeKeyAction(key, rows, id, isExpanded)).toEqual(action);
  });
});
