// The department tree built from the flat list: nesting and depth, name order among
// siblings, filtering that keeps the ancestors of every match, the rows a reader can
// currently see, and which departments may become a given department's parent.
import type { Department } from '../../api/departments';

export interface TreeNode {
  department: Department;
  /** 0 for a top-level department. */
  depth: number;
  children: TreeNode[];
}

const byName = (a: Department, b: Department) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Nests the list; a department whose parent is missing is shown at the top. */
export function buildTree(departments: readonly Department[]): TreeNode[] {
  const ids = new Set(departments.map((department) => department.id));
  const childrenOf = new Map<number | null, Department[]>();
  for (const department of [...departments].sort(byName)) {
    const parent = department.parentDepartment !== null && department.parentDepartment !== undefined && ids.has(department.parentDepartment) ? department.parentDepartment : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), department]);
  }
  const grow = (parent: number | null, depth: number): TreeNode[] =>
    (childrenOf.get(parent) ?? []).map((department) => ({
      department,
      depth,
      children: grow(department.id, depth + 1),
    }));
  return grow(null, 0);
}

/** Case-insensitive "name contains". */
export function nameMatches(department: Department, query: string): boolean {
  return department.name.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase());
}

export interface TreeFilter {
  query: string;
  showInactive: boolean;
}

/** Keeps matching departments and, so they read in context, all their ancestors. */
export function filterTree(nodes: readonly TreeNode[], filter: TreeFilter): TreeNode[] {
  const kept: TreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, filter);
    const matches = nameMatches(node.department, filter.query) && (filter.showInactive || node.department.isActive);
    if (matches || children.length > 0) kept.push({ ...node, children });
  }
  return kept;
}

/** The rows in reading order, skipping the children of collapsed nodes. */
export function visibleRows(nodes: readonly TreeNode[], isExpanded: (id: number) => boolean): TreeNode[] {
  return nodes.flatMap((node) => [
    node,
    ...(isExpanded(node.department.id) ? visibleRows(node.children, isExpanded) : []),
  ]);
}

/**
 * Where `departmentId` may be moved: every department in tree order except itself and
 * its descendants (the server refuses those as cycles). Null (a new one) allows all.
 */
export function parentOptions(departments: readonly Department[], departmentId: number | null): TreeNode[] {
  const prune = (nodes: readonly TreeNode[]): TreeNode[] =>
    nodes
      .filter((node) => node.department.id !== departmentId)
      .map((node) => ({ ...node, children: prune(node.children) }));
  return visibleRows(prune(buildTree(departments)), () => true);
}
