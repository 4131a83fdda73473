// HTML5 drag and drop for reordering table rows by a handle. A row becomes draggable
// only while the pointer is down on its handle (so text in its fields stays selectable);
// while dragging, the row under the pointer says whether the drop would land before or
// after it, which the table draws as the drop indicator.
import { useState, type DragEvent, type HTMLAttributes } from 'react';
import { dropIndex, type DropPosition } from './deliverableOrder';

export type HandleDragProps = Pick<HTMLAttributes<HTMLElement>, 'onPointerDown' | 'onPointerUp'>;

export type RowDragProps = Pick<HTMLAttributes<HTMLElement>, 'draggable' | 'onDragStart' | 'onDragOver' | 'onDrop' | 'onDragEnd'> & {
  'data-drop': DropPosition | undefined;
  'data-dragging': true | undefined;
};

interface DropTarget {
  index: number;
  position: DropPosition;
}

export function useRowDrag(onMove: (from: number, to: number) => void) {
  const [armed, setArmed] = useState<number | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);

  function reset() {
    setArmed(null);
    setDragging(null);
    setTarget(null);
  }

  /** Props for the drag handle of the row at `index`. */
  function handleProps(index: number): HandleDragProps {
    return {
      onPointerDown: () => setArmed(index),
      onPointerUp: () => setArmed(null),
    };
  }

  /** Props for the row at `index`. */
  function rowProps(index: number): RowDragProps {
    const drop = target?.index === index && dragging !== index ? target.position : undefined;
    return {
      draggable: armed === index,
      'data-drop': drop,
      'data-dragging': dragging === index ? true : undefined,
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', String(index));
        setDragging(index);
      },
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (dragging === null) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        const position: DropPosition = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
        if (target?.index !== index || target.position !== position) setTarget({ index, position });
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        event.preventDefault();
        if (dragging !== null && target) onMove(dragging, dropIndex(dragging, target.index, target.position));
        reset();
      },
      onDragEnd: reset,
    };
  }

  return { handleProps, rowProps, dragging: dragging !== null };
}
