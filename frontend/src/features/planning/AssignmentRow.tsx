// One assignment under its expanded person: the project (and role) and its hours per
// week (HoursRow), with a mark in the weeks the project has deliverables due.
import type { GridAssignment } from '../../api/planning';
import { dueIn, type DeliverableWeeks } from '../../shared/deliverables/deliverableWeeks';
import { HoursRow, type HoursRowProps } from './HoursRow';

interface Props extends Omit<HoursRowProps, 'assignment' | 'name' | 'title' | 'duesIn'> {
  assignment: GridAssignment;
  deliverables: DeliverableWeeks;
}

export function AssignmentRow({ assignment, deliverables, ...row }: Props) {
  const title = assignment.roleOnProject ? `${assignment.projectName} · ${assignment.roleOnProject}` : assignment.projectName;
  return <HoursRow {...row} assignment={assignment} name={title} title={title} duesIn={(week) => dueIn(deliverables, assignment.project, week)} />;
}
