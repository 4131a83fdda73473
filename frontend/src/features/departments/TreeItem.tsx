// One department in the tree with its sub-departments nested in a group. The name and
// the inactive badge label the item (not its descendants' text).
import type { MouseEvent } from 'react';
import type { TreeNode } from '../../shared/departments/departmentTree';

interface Props {
  node: TreeNode;
  selectedId: number | null;
  tabStop: number | null;
  isExpanded: (id: number) => boolean;
  onToggle: (id: number) => void;
  onOpen: (id: number) => void;
}

export function TreeItem(props: Props) {
  const { node, selectedId, tabStop, isExpanded, onToggle, onOpen } = props;
  const { department, children } = node;
  const id = department.id;
  const expanded = children.length > 0 ? isExpanded(id) : undefined;
  const nameId = `dept-${id}-name`;
  const badgeId = `dept-${id}-badge`;

  function open(event: MouseEvent) {
    event.stopPropagation();
    onOpen(id);
  }

  function toggle(event: MouseEvent) {
    event.stopPropagation();
    onToggle(id);
  }

  return (
    <li
      role="treeitem"
      data-id={id}
      aria-level={node.depth + 1}
      aria-expanded={expanded}
      aria-selected={id === selectedId}
      aria-labelledby={department.isActive ? nameId : `${nameId} ${badgeId}`}
      tabIndex={id === tabStop ? 0 : -1}
      className="tree__item"
      onClick={open}
    >
      <span className="tree__row">
        <span className="tree__toggle" aria-hidden="true" onClick={expanded === undefined ? undefined : toggle}>
          {expanded === undefined ? '' : expanded ? '▾' : '▸'}
        </span>
        <span id={nameId} className="tree__name">
          {department.name}
        </span>
        {!department.isActive && (
          <span id={badgeId} className="tag">
            Inactive
          </span>
        )}
      </span>
      {expanded && (
        <ul role="group" className="tree__group">
          {children.map((child) => (
            <TreeItem key={child.department.id} {...props} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
