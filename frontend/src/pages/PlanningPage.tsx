// /planning: people x weeks with per-week totals in utilization bands; expand a person
// to edit their assignments' hours like a spreadsheet. Filters and the window live in
// the URL; edits save optimistically in batches. Read-only for plain users.
import { useCurrentUser } from '../auth/useSession';
import { BandLegend } from '../features/planning/BandLegend';
import { GridEmpty, GridError, GridSkeleton } from '../features/planning/GridStates';
import { PlanningGrid } from '../features/planning/PlanningGrid';
import { PlanningToolbar } from '../features/planning/PlanningToolbar';
import { SaveStatus } from '../features/planning/SaveStatus';
import { usePlanningGrid } from '../features/planning/usePlanningGrid';
import { usePlanningParams } from '../features/planning/usePlanningParams';
import { useSaveQueue } from '../features/planning/useSaveQueue';
import '../features/planning/planning.css';

export function PlanningPage() {
  const user = useCurrentUser();
  const canEdit = user?.role === 'manager' || user?.role === 'admin';
  const [params, setParams] = usePlanningParams();
  const { grid, rows, deltasFor } = usePlanningGrid(params, canEdit);
  const { queue, state } = useSaveQueue();
  const toggle = (personId: number) =>
    setParams({ open: params.open.includes(personId) ? params.open.filter((id) => id !== personId) : [...params.open, personId] });

  return (
    <>
      <title>Planning · Workload Tracker</title>
      <div className="plan-heading">
        <h1>Planning</h1>
        <SaveStatus state={state} />
      </div>
      <PlanningToolbar params={params} onChange={setParams} />
      <BandLegend />
      {!canEdit && <p className="muted">You can view the plan; managers and admins change hours.</p>}
      {grid.error && !grid.data && <GridError error={grid.error} onRetry={() => void grid.refetch()} />}
      {grid.isPending && <GridSkeleton />}
      {grid.data && grid.data.people.length === 0 && <GridEmpty filtered={params.department !== null || params.search !== ''} />}
      {grid.data && grid.data.people.length > 0 && (
        <PlanningGrid
          data={grid.data}
          rows={rows}
          overlay={state.overlay}
          deltas={deltasFor(state.overlay)}
          canEdit={canEdit}
          onEdit={(edits) => queue.edit(edits)}
          onToggle={toggle}
        />
      )}
    </>
  );
}
