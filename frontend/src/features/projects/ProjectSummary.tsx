// A project's details, read-only: for people who may not change them (the notes have
// their own section on the page).
import type { Project } from '../../api/projects';
import { formatDate } from '../../ui/formatTime';
import { formatHours } from '../../ui/weeks';
import { STATUS_LABELS } from './projectStatus';

const day = (date: string | null) => (date ? formatDate(`${date}T12:00:00Z`) : '—');

export function ProjectSummary({ project }: { project: Project }) {
  const rows: [string, string][] = [
    ['Project number', project.projectNumber ?? '—'],
    ['Client', project.client],
    ['Status', STATUS_LABELS[project.status]],
    ['Start', day(project.startDate ?? null)],
    ['End', day(project.endDate ?? null)],
    ['Estimated hours', project.estimatedHours === null || project.estimatedHours === undefined ? '—' : formatHours(project.estimatedHours)],
    ['Description', project.description || '—'],
  ];
  return (
    <dl className="person-summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
