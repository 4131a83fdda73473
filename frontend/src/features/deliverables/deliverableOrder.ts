// Where a moved deliverable lands: moving one item within a list, and the index a drop
// "before" or "after" a row means once the dragged item has left its old place.

export type DropPosition = 'before' | 'after';

/** A copy of `items` with the item at `from` moved to index `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  if (item === undefined) return moved;
  moved.splice(Math.max(0, Math.min(to, moved.length)), 0, item);
  return moved;
}

/** The final index of the item at `from` when dropped before or after the row at `target`. */
export function dropIndex(from: number, target: number, position: DropPosition): number {
  const slot = position === 'before' ? target : target + 1;
  return slot > from ? slot - 1 : slot;
}
