// One cell of the planning grid: its id (for aria-activedescendant), selection and
// focus marks, and the pointer handling every cell shares (click selects,
// Shift+click extends, double-click edits).
import { createContext, use, type ReactNode } from 'react';
import { inRect, type CellPos, type Rect } from './selection';

export interface CellContextValue {
  rect: Rect;
  focus: CellPos;
  onPointerDown: (cell: CellPos, extend: boolean) => void;
  onDoubleClick: (cell: CellPos) => void;
}

export const CellContext = createContext<CellContextValue | null>(null);

export function cellId({ row, col }: CellPos): string {
  return `plan-cell-${row}-${col}`;
}

interface Props {
  row: number;
  col: number;
  className?: string;
  header?: boolean;
  label?: string | undefined;
  /** An hour cell this user may not change, in a grid where others may be changed. */
  readOnly?: boolean;
  children?: ReactNode;
}

export function GridCell({ row, col, className = '', header = false, label, readOnly, children }: Props) {
  const context = use(CellContext);
  if (!context) throw new Error('GridCell needs a CellContext');
  const selected = inRect(context.rect, row, col);
  const focused = context.focus.row === row && context.focus.col === col;
  const classes = ['plan-cell', className, selected ? 'is-selected' : '', focused ? 'is-focused' : ''];
  return (
    <div
      id={cellId({ row, col })}
      role={header ? 'rowheader' : 'gridcell'}
      aria-colindex={col + 1}
      aria-selected={selected}
      aria-label={label}
      aria-readonly={readOnly || undefined}
      className={classes.filter(Boolean).join(' ')}
      onMouseDown={(event) => {
        // Inputs (the cell editor, the project search) keep their own pointer behaviour.
        if (event.button !== 0 || (event.target as HTMLElement).closest('input')) return;
        event.preventDefault();
        context.onPointerDown({ row, col }, event.shiftKey);
      }}
      onDoubleClick={() => context.onDoubleClick({ row, col })}
    >
      {children}
    </div>
  );
}
