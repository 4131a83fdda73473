// The project grid: each project's weekly totals with deliverable marks, and when
// expanded the hours of the people on it, in the people grid's GridFrame; keyboard,
// pointer, editing and scrolling come from the same useGridControls.
import { GridFrame } from '../GridFrame';
import { groupTotal } from '../gridModel';
import { useGridControls } from '../useGridControls';
import type { PlanGridProps } from '../usePlanningView';
import { PersonHoursRow } from './PersonHoursRow';
import type { ProjectGridData } from './projectGridApi';
import { BY_PROJECT, type ProjectGridRow } from './projectGridModel';
import { ProjectRow } from './ProjectRow';

const LAYOUT = { rowHeight: 30, headerHeight: 34, leadWidth: 280, colWidth: 64 } as const;

interface Props extends PlanGridProps<ProjectGridRow> {
  data: ProjectGridData;
}

export function ProjectGrid({ data, rows, deltas, deliverables, ...options }: Props) {
  const { weekKeys } = data;
  const controls = useGridControls({ ...options, layout: LAYOUT, rows, weekKeys });
  const { grid, template, editor } = controls;

  return (
    <GridFrame
      controls={controls}
      label="Project grid: projects, the people on them and their hours per week"
      nameLabel="Project · people"
      rows={rows}
      renderRow={(row, index) =>
        row.kind === 'project' ? (
          <ProjectRow
            key={row.key}
            index={index}
            project={row.project}
            expanded={row.expanded}
            peopleCount={row.peopleCount}
            weekKeys={weekKeys}
            totals={weekKeys.map((week) => groupTotal(BY_PROJECT, data, row.project.id, week, deltas))}
            deliverables={deliverables}
            template={template}
            onToggle={options.onToggle}
          />
        ) : (
          <PersonHoursRow
            key={row.key}
            index={index}
            project={row.project}
            assignment={row.assignment}
            weekKeys={weekKeys}
            overlay={options.overlay}
            template={template}
            readOnly={controls.readOnlyFor(row.assignment.person)}
            editing={grid.editing?.row === index ? grid.editing : null}
            editor={editor}
          />
        )
      }
    />
  );
}
