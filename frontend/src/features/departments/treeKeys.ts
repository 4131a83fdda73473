// What a key press does in the department tree (WAI-ARIA tree pattern): arrows move
// and expand or collapse, Home/End jump, Enter or Space opens the focused department.
import type { TreeNode } from '../../shared/departments/departmentTree';

export type TreeAction =
  | { type: 'focus'; id: number }
  | { type: 'expand'; id: number }
  | { type: 'collapse'; id: number }
  | { type: 'open'; id: number };

/** The action for `key` on the row `currentId`, or null when the key means nothing here. */
export function treeKeyAction(
  key: string,
  rows: readonly TreeNode[],
  currentId: number,
  isExpanded: (id: number) => boolean,
): TreeAction | null {
  const index = rows.findIndex((row) => row.department.id === currentId);
  const row = rows[index];
  if (!row) return null;
  const focus = (target: TreeNode | undefined): TreeAction | null =>
    target ? { type: 'focus', id: target.department.id } : null;
  const hasChildren = row.children.length > 0;
  const open = hasChildren && isExpanded(currentId);

  switch (key) {
    case 'ArrowDown':
      return focus(rows[index + 1]);
    case 'ArrowUp':
      return focus(rows[index - 1]);
    case 'Home':
      return focus(rows[0]);
    case 'End':
      return focus(rows[rows.length - 1]);
    case 'ArrowRight':
      if (!hasChildren) return null;
      return open ? focus(row.children[0]) : { type: 'expand', id: currentId };
    case 'ArrowLeft':
      if (open) return { type: 'collapse', id: currentId };
      return focus(rows.find((other) => other.department.id === row.department.parentDepartment));
    case 'Enter':
    case ' ':
      return { type: 'open', id: currentId };
    default:
      return null;
  }
}
