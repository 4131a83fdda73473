// The projects table: sortable headers and one row per project (a page holds at most
// 100, so it is not virtualized), or words about why it is empty.
import { ScopedLink } from '../../shared/departmentScope/ScopedLink';
import type { Project, ProjectSort, ProjectSortKey } from '../../api/projects';
import { formatDate } from '../../ui/formatTime';
import { SortHeader } from '../../ui/SortHeader';
import { formatHours } from '../../ui/weeks';
import { STATUS_LABELS } from './projectStatus';

interface Props {
  projects: Project[];
  sort: ProjectSort;
  onSort: (sort: ProjectSort) => void;
}

const day = (date: string | null) => (date ? formatDate(`${date}T12:00:00Z`) : '');

export function ProjectsTable({ projects, sort, onSort }: Props) {
  return (
    <table className="data-table projects-table">
      <thead>
        <tr>
          <SortHeader<ProjectSortKey> column="name" sort={sort} onSort={onSort}>Name</SortHeader>
          <th scope="col">Number</th>
          <SortHeader<ProjectSortKey> column="client" sort={sort} onSort={onSort}>Client</SortHeader>
          <SortHeader<ProjectSortKey> column="status" sort={sort} onSort={onSort}>Status</SortHeader>
          <SortHeader<ProjectSortKey> column="startDate" sort={sort} onSort={onSort}>Start</SortHeader>
          <th scope="col">End</th>
          <th scope="col" className="num">Estimate (h)</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.id}>
            <th scope="row"><ScopedLink to={`/projects/${project.id}`}>{project.name}</ScopedLink></th>
            <td>{project.projectNumber ?? ''}</td>
            <td>{project.client}</td>
            <td><span className={`status status--${project.status}`}>{STATUS_LABELS[project.status]}</span></td>
            <td>{day(project.startDate ?? null)}</td>
            <td>{day(project.endDate ?? null)}</td>
            <td className="num">{project.estimatedHours === null || project.estimatedHours === undefined ? '' : formatHours(project.estimatedHours)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
