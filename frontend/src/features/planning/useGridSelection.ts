// Selection state of the grid: the anchor/focus pair, kept inside the grid's bounds
// when rows come and go (a person collapsed, filters changed).
import { useState } from 'react';
import { clampCell, collapsed, moveSelection, type Bounds, type CellPos, type Direction, type Selection } from './selection';

export function useGridSelection(bounds: Bounds) {
  const [stored, setStored] = useState<Selection>(collapsed({ row: 0, col: 0 }));
  const selection: Selection = { anchor: clampCell(stored.anchor, bounds), focus: clampCell(stored.focus, bounds) };

  return {
    selection,
    /** Selects one cell, or extends from the anchor to it. */
    select: (cell: CellPos, extend = false) =>
      setStored(extend ? { anchor: selection.anchor, focus: clampCell(cell, bounds) } : collapsed(clampCell(cell, bounds))),
    move: (direction: Direction, extend = false) => setStored(moveSelection(selection, direction, bounds, extend)),
    /** Selects a whole anchor/focus pair at once. */
    selectRange: (range: Selection) => setStored({ anchor: clampCell(range.anchor, bounds), focus: clampCell(range.focus, bounds) }),
  };
}
