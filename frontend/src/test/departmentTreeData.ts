// A small department tree for the tree tests, as the API lists it (unordered):
// Engineering ─┬─ civil ── Bridges
//              └─ Electrical (inactive)
// Admin (top level); Orphan's parent (99) is not in the list.
import { makeDepartment } from './fixtures';

export const TREE_DEPARTMENTS = [
  makeDepartment({ id: 4, name: 'Bridges', parentDepartment: 2 }),
  makeDepartment({ id: 1, name: 'Engineering' }),
  makeDepartment({ id: 3, name: 'Electrical', parentDepartment: 1, isActive: false }),
  makeDepartment({ id: 2, name: 'civil', parentDepartment: 1 }),
  makeDepartment({ id: 5, name: 'Admin' }),
  makeDepartment({ id: 6, name: 'Orphan', parentDepartment: 99 }),
];
