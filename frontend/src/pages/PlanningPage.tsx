// /planning: people x weeks with per-week totals in utilization bands; expand a person
// to edit their assignments' hours like a spreadsheet (Ctrl+Z undoes), with marks
// where their projects' deliverables fall due. Filters and the window live in the URL;
// edits save optimistically in batches. Managers and admins plan everyone; a plain
// user changes only their own linked person's hours.
import { DeliverableLegend } from '../features/deliverables/DeliverableLegend';
import { BandLegend } from '../shared/utilization/BandLegend';
import { GridEmpty } from '../features/planning/GridStates';
import { PEOPLE_VIEW } from '../features/planning/peopleView';
import { PlanningGrid } from '../features/planning/PlanningGrid';
import { PlanningScreen } from '../features/planning/PlanningScreen';
import { PlanningToolbar } from '../features/planning/PlanningToolbar';
import { usePlanningView } from '../features/planning/usePlanningView';

export function PlanningPage() {
  const view = usePlanningView(PEOPLE_VIEW);
  const { params } = view;
  const controls = (
    <>
      <PlanningToolbar params={params} onChange={view.setParams} />
      <BandLegend />
      <DeliverableLegend error={view.deliverablesError} />
    </>
  );
  return (
    <PlanningScreen
      title="Planning"
      view={view}
      controls={controls}
      ownHours="the hours of your own projects"
      isEmpty={(data) => data.people.length === 0}
      empty={<GridEmpty rows="people" filtered={params.department !== null || params.search !== ''} />}
    >
      {(data) => <PlanningGrid data={data} {...view.gridProps} />}
    </PlanningScreen>
  );
}
