// The project form's values (text as typed), the checks the browser can make (a name,
// the end not before the start, a sane estimate), and the request bodies: what was
// filled in for a new project, only what changed for an edit.
import type { Project, ProjectChanges, ProjectStatus } from '../../api/projects';

export interface ProjectFormValues {
  name: string;
  projectNumber: string;
  client: string;
  status: ProjectStatus;
  startDate: string;
  endDate: string;
  estimatedHours: string;
  description: string;
  notes: string;
}

export type ProjectField = keyof ProjectFormValues;

export const EMPTY_PROJECT: ProjectFormValues = {
  name: '',
  projectNumber: '',
  client: 'Internal',
  status: 'planning',
  startDate: '',
  endDate: '',
  estimatedHours: '',
  description: '',
  notes: '',
};

export function projectValues(project: Project): ProjectFormValues {
  return {
    name: project.name,
    projectNumber: project.projectNumber ?? '',
    client: project.client,
    status: project.status,
    startDate: project.startDate ?? '',
    endDate: project.endDate ?? '',
    estimatedHours: project.estimatedHours === null ? '' : String(project.estimatedHours),
    description: project.description,
    notes: project.notes,
  };
}

export const END_BEFORE_START = 'The end date is before the start date. Pick a later end date.';

export function projectProblems(values: ProjectFormValues): Partial<Record<ProjectField, string>> {
  const problems: Partial<Record<ProjectField, string>> = {};
  if (!values.name.trim()) problems.name = 'Enter the project’s name.';
  if (values.startDate && values.endDate && values.endDate < values.startDate) problems.endDate = END_BEFORE_START;
  const estimate = values.estimatedHours.trim();
  if (estimate && !/^\d+(\.\d{1,2})?$/.test(estimate)) {
    problems.estimatedHours = 'Enter the estimate as a number of hours (at most two decimals), or leave it empty.';
  }
  return problems;
}

type AllFields = Required<Omit<ProjectChanges, 'isActive'>>;

function asChanges(values: ProjectFormValues): AllFields {
  const estimate = values.estimatedHours.trim();
  return {
    name: values.name.trim(),
    projectNumber: values.projectNumber.trim() || null,
    client: values.client.trim() || 'Internal',
    status: values.status,
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    estimatedHours: estimate ? Number(estimate) : null,
    description: values.description,
    notes: values.notes,
  };
}

export function newProjectBody(values: ProjectFormValues): ProjectChanges & { name: string } {
  const all = Object.entries(asChanges(values)).filter(([, value]) => value !== null && value !== '');
  return { ...(Object.fromEntries(all) as ProjectChanges), name: values.name.trim() };
}

export function projectChanges(project: Project, values: ProjectFormValues): ProjectChanges {
  const all = Object.entries(asChanges(values)).filter(([key, value]) => project[key as keyof AllFields] !== value);
  return Object.fromEntries(all);
}
