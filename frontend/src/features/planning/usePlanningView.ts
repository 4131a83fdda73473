// Everything a planning page wires the same way for its grid view (people or
// projects): who may change which hours, the URL state (window, filters, expanded
// rows), the grid's data and rows, the deliverables due in its window, the save queue
// with Ctrl+Z, and the props the grid component takes from all of that.
import { useCurrentUser } from '../../auth/useSession';
import type { DeliverableWeeks } from '../../shared/deliverables/deliverableWeeks';
import { useDeliverableWeeks } from '../../shared/deliverables/useDeliverableWeeks';
import type { CellEdit, HoursData, Overlay } from './gridModel';
import type { GridView } from './gridView';
import { canEditHours, plansEveryone } from './planAccess';
import { usePlanningParams } from './usePlanningParams';
import { useHoursSaveQueue } from './useSaveQueue';
import { useUndoHistory } from './useUndoHistory';

/** What a planning grid component takes from its page, besides the data. */
export interface PlanGridProps<R> {
  rows: readonly R[];
  overlay: Overlay;
  /** The top rows' weekly totals' changes from unsaved edits. */
  deltas: ReadonlyMap<string, number>;
  deliverables: DeliverableWeeks;
  canEdit: boolean;
  /** Whose hours this user may change. */
  canEditPerson: (personId: number) => boolean;
  onEdit: (edits: CellEdit[]) => void;
  /** Ctrl/Cmd+Z: undoes the last edit and answers the cells it put back. */
  onUndo: () => CellEdit[];
  /** Expands or collapses a top row (a person or a project), in the URL. */
  onToggle: (id: number) => void;
  /** The rows now in view, for a grid that loads them as they come into view. */
  onRange?: ((start: number, end: number) => void) | undefined;
}

export function usePlanningView<D extends HoursData & { weekKeys: string[] }, R>(view: GridView<D, R>) {
  const user = useCurrentUser();
  const plansAll = plansEveryone(user);
  const canEdit = plansAll || (user?.person ?? null) !== null;
  const [params, setParams] = usePlanningParams();
  const { grid, rows, deltasFor, savedHours, onRange } = view.useData(params, plansAll);
  const deliverables = useDeliverableWeeks(grid.data?.weekKeys ?? []);
  const { queue, state } = useHoursSaveQueue(view.cache);
  const history = useUndoHistory(queue, savedHours);
  const gridProps: PlanGridProps<R> = {
    rows,
    overlay: state.overlay,
    deltas: deltasFor(state.overlay),
    deliverables: deliverables.weeks,
    canEdit,
    canEditPerson: (personId) => canEditHours(user, personId),
    onEdit: history.edit,
    onUndo: history.undo,
    onToggle: (id) => setParams({ open: params.open.includes(id) ? params.open.filter((open) => open !== id) : [...params.open, id] }),
    onRange,
  };
  return { params, setParams, grid, saveState: state, plansAll, canEdit, deliverablesError: deliverables.error, gridProps };
}
