// The department tree as an ARIA tree: nested groups indent each level, a disclosure
// triangle expands or collapses, and the keyboard works as in a file manager (arrows,
// Home/End, Enter opens). One row is the tab stop; the open department is selected.
import { useRef, useState, type KeyboardEvent } from 'react';
import { visibleRows, type TreeNode } from '../../shared/departments/departmentTree';
import { treeKeyAction } from './treeKeys';
import { TreeItem } from './TreeItem';

interface Props {
  roots: TreeNode[];
  selectedId: number | null;
  onOpen: (id: number) => void;
}

export function DepartmentTree({ roots, selectedId, onOpen }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const isExpanded = (id: number) => !collapsed.has(id);
  const rows = visibleRows(roots, isExpanded);
  const has = (id: number | null) => rows.some((row) => row.department.id === id);
  const tabStop = has(focusedId) ? focusedId : has(selectedId) ? selectedId : (rows[0]?.department.id ?? null);

  function focus(id: number) {
    setFocusedId(id);
    treeRef.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  }

  function setExpanded(id: number, expanded: boolean) {
    setCollapsed((current) => {
      const next = new Set(current);
      if (expanded) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const id = Number((event.target as HTMLElement).dataset.id);
    const action = Number.isNaN(id) ? null : treeKeyAction(event.key, rows, id, isExpanded);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'focus') focus(action.id);
    else if (action.type === 'open') onOpen(action.id);
    else setExpanded(action.id, action.type === 'expand');
  }

  return (
    <ul ref={treeRef} role="tree" aria-label="Departments" className="tree" onKeyDown={onKeyDown}>
      {roots.map((node) => (
        <TreeItem
          key={node.department.id}
          node={node}
          selectedId={selectedId}
          tabStop={tabStop}
          isExpanded={isExpanded}
          onToggle={(id) => setExpanded(id, !isExpanded(id))}
          onOpen={(id) => {
            focus(id);
            onOpen(id);
          }}
        />
      ))}
    </ul>
  );
}
