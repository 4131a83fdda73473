// A project's row: the expand toggle, its name and number and how many people are on
// it, then its planned hours per week, with a mark in the weeks a deliverable is due.
import { DeliverableMark } from '../../../shared/deliverables/DeliverableMark';
import { dueIn, dueNote, type DeliverableWeeks } from '../../../shared/deliverables/deliverableWeeks';
import { GridCell } from '../GridCell';
import { GroupNameCell } from '../GroupNameCell';
import { formatHours } from '../hoursInput';
import { PlanRow } from '../PlanRow';
import { longWeek } from '../../../ui/weeks';
import type { GridProject } from './projectGridApi';

interface Props {
  index: number;
  project: GridProject;
  expanded: boolean;
  peopleCount: number;
  weekKeys: readonly string[];
  totals: readonly number[];
  deliverables: DeliverableWeeks;
  template: string;
  onToggle: (projectId: number) => void;
}

export function ProjectRow({ index, project, expanded, peopleCount, weekKeys, totals, deliverables, template, onToggle }: Props) {
  const people = peopleCount === 1 ? '1 person' : `${peopleCount} people`;
  const details = [project.projectNumber, project.client, people].filter(Boolean).join(' · ');
  return (
    <PlanRow index={index} kind="project" template={template} expanded={expanded}>
      <GroupNameCell
        row={index}
        expanded={expanded}
        contents={`the people on ${project.name}`}
        onToggle={() => onToggle(project.id)}
        name={project.name}
        details={`${project.name} · ${details}`}
      >
        <span className="plan-capacity" title="People on the project">
          {people}
        </span>
      </GroupNameCell>
      {weekKeys.map((week, i) => {
        const total = totals[i] ?? 0;
        const dues = dueIn(deliverables, project.id, week);
        return (
          <GridCell key={week} row={index} col={i + 1} className="project-total" label={`${project.name}, ${longWeek(week)}: ${total} hours planned${dueNote(dues)}`}>
            <DeliverableMark dues={dues} />
            {formatHours(total)}
          </GridCell>
        );
      })}
    </PlanRow>
  );
}
