// The page both planning views (people, projects) share around their grid: the title
// with the save status, the controls (toolbar and legends), what this user may change,
// and the grid area: the error card with a retry while there is no data, skeleton rows
// during the first load, the empty state, or the grid.
import type { ReactNode } from 'react';
import { GridError, GridSkeleton } from './GridStates';
import type { GridStatus } from './gridView';
import { SaveStatus } from './SaveStatus';
import type { QueueState } from './saveQueue';
import './planning.css';

interface Props<D> {
  /** The page's heading, and its document title. */
  title: string;
  /** What usePlanningView answers for the page. */
  view: { grid: GridStatus<D>; saveState: QueueState; plansAll: boolean; canEdit: boolean };
  /** Above the grid: the toolbar and the legends. */
  controls: ReactNode;
  /** What a user who is not a planner may change: "the hours of your own projects". */
  ownHours: string;
  /** Whether the loaded grid has no rows, and what shows then. */
  isEmpty: (data: D) => boolean;
  empty: ReactNode;
  children: (data: D) => ReactNode;
}

export function PlanningScreen<D>({ title, view, controls, ownHours, isEmpty, empty, children }: Props<D>) {
  const { grid, saveState, plansAll, canEdit } = view;
  return (
    <>
      <title>{`${title} · Workload Tracker`}</title>
      <div className="plan-heading">
        <h1>{title}</h1>
        <SaveStatus state={saveState} />
      </div>
      {controls}
      {!canEdit && <p className="muted">You can view the plan; managers and admins change hours.</p>}
      {canEdit && !plansAll && <p className="muted">{`You can change ${ownHours}; managers and admins plan everyone else.`}</p>}
      {grid.error && !grid.data && <GridError error={grid.error} onRetry={() => void grid.refetch()} />}
      {grid.isPending && <GridSkeleton />}
      {grid.data && (isEmpty(grid.data) ? empty : children(grid.data))}
    </>
  );
}
