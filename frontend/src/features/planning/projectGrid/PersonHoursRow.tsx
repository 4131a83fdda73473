// One person under an expanded project: their name (and role) and their hours on the
// project per week (the people grid's HoursRow, so editing is the same); the cells are
// named "Ann Archer on Bridge".
import { HoursRow, type HoursRowProps } from '../HoursRow';
import type { GridProject, ProjectAssignment } from './projectGridApi';

interface Props extends Omit<HoursRowProps, 'assignment' | 'name' | 'title' | 'duesIn'> {
  project: GridProject;
  assignment: ProjectAssignment;
}

export function PersonHoursRow({ project, assignment, ...row }: Props) {
  const name = assignment.roleOnProject ? `${assignment.personName} · ${assignment.roleOnProject}` : assignment.personName;
  return <HoursRow {...row} assignment={assignment} name={name} title={`${assignment.personName} on ${project.name}`} />;
}
