// A planning grid view as data, so one set of hooks serves both grids: where its data
// is cached and how its hours group (HoursCache), and the hook that loads it and lays
// out its rows (one request for the project grid, a page at a time for the people grid).
import type { GridQuery } from '../../api/planning';
import type { HoursData, Overlay } from './gridModel';
import type { PlanningParams } from '../../shared/links/planningParams';
import type { HoursCache } from './useSaveQueue';

/** One assignment of a grid's answer. */
export type AssignmentOf<D extends HoursData> = NonNullable<D['assignments']>[number];

/** What the planning page shows about the grid's loading: its data, first load and error. */
export interface GridStatus<D> {
  data: D | undefined;
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/** A view's data for the current URL state, as its rows. */
export interface GridDataResult<D, R> {
  grid: GridStatus<D>;
  rows: R[];
  /** How unsaved edits change the top rows' weekly totals ("groupId:week" -> hours). */
  deltasFor: (overlay: Overlay) => Map<string, number>;
  /** A cell's hours as loaded (undefined when its row is not loaded). */
  savedHours: (assignmentId: number, week: string) => number | undefined;
  /** The rows now in view (a paged view loads what they need). */
  onRange?: (start: number, end: number) => void;
}

export interface GridView<D extends HoursData, R> {
  cache: HoursCache<D>;
  useData: (params: PlanningParams, plansAll: boolean) => GridDataResult<D, R>;
}

/** A view whose grid comes in one request. */
export interface OneRequestView<D extends HoursData, R> {
  cache: HoursCache<D>;
  fetch: (query: GridQuery, signal: AbortSignal) => Promise<D>;
  /**
   * The rows: every top row, and under the expanded ones (`open`) their assignments'
   * rows; `plansAll` when the user plans everyone.
   */
  rowsOf: (data: D | undefined, byGroup: ReadonlyMap<number, AssignmentOf<D>[]>, open: ReadonlySet<number>, plansAll: boolean) => R[];
}
