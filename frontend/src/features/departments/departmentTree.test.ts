// Tests for the department tree built from the flat list: nesting, order, filtering,
// the rows shown, the parents a department may move under, and the tree's keys.
import { describe, expect, it } from 'vitest';
import { makeDepartment } from '../../test/fixtures';
import { buildTree, filterTree, parentOptions, visibleRows, type TreeNode } from './departmentTree';
import { treeKeyAction } from './treeKeys';

// Engineering ─┬─ civil ── Bridges
//              └─ Electrical (inactive)
// Admin (top level); Orphan's parent (99) is not in the list.
const departments = [
  makeDepartment({ id: 4, name: 'Bridges', parentDepartment: 2 }),
  makeDepartment({ id: 1, name: 'Engineering' }),
  makeDepartment({ id: 3, name: 'Electrical', parentDepartment: 1, isActive: false }),
  makeDepartment({ id: 2, name: 'civil', parentDepartment: 1 }),
  makeDepartment({ id: 5, name: 'Admin' }),
  makeDepartment({ id: 6, name: 'Orphan', parentDepartment: 99 }),
];

const outline = (nodes: readonly TreeNode[]) => visibleRows(nodes, () => true).map((node) => `${node.depth}:${node.department.name}`);
const everything = { query: '', showInactive: true };

describe('department tree', () => {
  it('nests departments under their parents, siblings by name regardless of case', () => {
    expect(outline(buildTree(departments))).toEqual([
      '0:Admin',
      '0:Engineering',
      '1:civil',
      '2:Bridges',
      '1:Electrical',
      '0:Orphan',
    ]);
  });

  it('keeps the ancestors of every match so matches read in context', () => {
    expect(outline(filterTree(buildTree(departments), { ...everything, query: 'BRID' }))).toEqual([
      '0:Engineering',
      '1:civil',
      '2:Bridges',
    ]);
    expect(outline(filterTree(buildTree(departments), { ...everything, query: 'nothing' }))).toEqual([]);
  });

  it('hides inactive departments unless asked, but keeps an inactive parent of an active one', () => {
    const tree = buildTree([...departments, makeDepartment({ id: 7, name: 'Wiring', parentDepartment: 3 })]);
    expect(outline(filterTree(tree, { query: '', showInactive: false }))).toContain('1:Electrical');
    expect(outline(filterTree(buildTree(departments), { query: '', showInactive: false }))).not.toContain('1:Electrical');
    expect(outline(filterTree(buildTree(departments), { query: 'elec', showInactive: true }))).toEqual([
      '0:Engineering',
      '1:Electrical',
    ]);
  });

  it('skips the children of collapsed departments', () => {
    const rows = visibleRows(buildTree(departments), (id) => id !== 2);
    expect(rows.map((row) => row.department.name)).toEqual(['Admin', 'Engineering', 'civil', 'Electrical', 'Orphan']);
  });

  it('offers as parents everything except the department itself and its descendants', () => {
    const names = (id: number | null) => parentOptions(departments, id).map((node) => node.department.name);
    expect(names(1)).toEqual(['Admin', 'Orphan']);
    expect(names(2)).toEqual(['Admin', 'Engineering', 'Electrical', 'Orphan']);
    expect(names(4)).toEqual(['Admin', 'Engineering', 'civil', 'Electrical', 'Orphan']);
    expect(names(null)).toHaveLength(departments.length);
  });
});

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
