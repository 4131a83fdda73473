// Tests for the department tree built from the flat list: nesting, order, filtering,
// the rows shown and the parents a department may move under.
import { describe, expect, it } from 'vitest';
import { TREE_DEPARTMENTS as departments } from '../../test/departmentTreeData';
import { makeDepartment } from '../../test/fixtures';
import { buildTree, filterTree, parentOptions, visibleRows, type TreeNode } from './departmentTree';

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
