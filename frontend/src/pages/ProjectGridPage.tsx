// /planning/projects: projects x weeks with each project's weekly total and a mark
// where a deliverable falls due; expand a project to edit its people's hours exactly
// like the people grid (same keys and drag-selection, Ctrl+Z, batched optimistic saves,
// rollback with words). Window, filters and expanded projects live in the URL.
// Managers and admins plan everyone; a plain user changes only their own hours.
import { DeliverableLegend } from '../features/deliverables/DeliverableLegend';
import { GridEmpty } from '../features/planning/GridStates';
import { DEFAULT_STATUS } from '../shared/links/planningParams';
import { PlanningScreen } from '../features/planning/PlanningScreen';
import { PlanningToolbar } from '../features/planning/PlanningToolbar';
import { usePlanningView } from '../features/planning/usePlanningView';
import { ProjectGrid } from '../features/planning/projectGrid/ProjectGrid';
import { PROJECT_VIEW } from '../features/planning/projectGrid/projectView';
import '../features/planning/projectGrid/projectGrid.css';

export function ProjectGridPage() {
  const view = usePlanningView(PROJECT_VIEW);
  const { params } = view;
  const controls = (
    <>
      <PlanningToolbar params={params} onChange={view.setParams} searchLabel="Search projects" />
      <DeliverableLegend error={view.deliverablesError} />
    </>
  );
  return (
    <PlanningScreen
      title="Project planning"
      view={view}
      controls={controls}
      ownHours="your own hours"
      isEmpty={(data) => data.projects.length === 0}
      empty={<GridEmpty rows="projects" filtered={params.department !== null || params.search !== '' || params.status !== DEFAULT_STATUS} />}
    >
      {(data) => <ProjectGrid data={data} {...view.gridProps} />}
    </PlanningScreen>
  );
}
