// A planning grid view as data, so one set of hooks serves both grids: where its data
// is cached and how its hours group (HoursCache), the endpoint that loads it, and how
// its rows are laid out from the assignments under each top row.
import type { GridQuery } from '../../api/planning';
import type { HoursData } from './gridModel';
import type { HoursCache } from './useSaveQueue';

/** One assignment of a grid's answer. */
export type AssignmentOf<D extends HoursData> = NonNullable<D['assignments']>[number];

export interface GridView<D extends HoursData, R> {
  cache: HoursCache<D>;
  fetch: (query: GridQuery, signal: AbortSignal) => Promise<D>;
  /**
   * The rows: every top row, and under the expanded ones (`open`) their assignments'
   * rows; `plansAll` when the user plans everyone (the people grid adds "Add project").
   */
  rowsOf: (data: D | undefined, byGroup: ReadonlyMap<number, AssignmentOf<D>[]>, open: ReadonlySet<number>, plansAll: boolean) => R[];
}
