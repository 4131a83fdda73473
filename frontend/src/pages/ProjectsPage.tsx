// /projects: every project, filterable by status (chips, several at once), exact
// client and name search and the header's department filter, sortable by column; all
// of it in the URL. Managers and admins also create projects.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchProjects, projectFilterParams } from '../api/projects';
import { useCanPlan } from '../auth/useCanPlan';
import { NewProjectDialog } from '../features/projects/NewProjectDialog';
import { ProjectFilterBar } from '../features/projects/ProjectFilterBar';
import { ProjectsTable } from '../features/projects/ProjectsTable';
import { useProjectParams } from '../features/projects/useProjectParams';
import { ExportMenu } from '../features/exports/ExportMenu';
import { FormAlert } from '../ui/FormAlert';
import { Pagination } from '../ui/Pagination';
import { errorMessage } from '../ui/errorMessage';
import '../features/people/people.css';
import '../features/projects/projects.css';
import { queryKeys } from '../api/queryKeys';

export function ProjectsPage() {
  const canEdit = useCanPlan();
  const [query, setQuery] = useProjectParams();
  const [creating, setCreating] = useState(false);
  const projects = useQuery({
    queryKey: queryKeys.projects.list(query),
    queryFn: ({ signal }) => fetchProjects(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = projects.data;
  // The header's department filter narrows the list too (see shared/departmentScope).
  const filtered = query.search !== '' || query.client !== '' || query.statuses.length > 0 || query.department !== null;

  return (
    <>
      <title>Projects · Workload Tracker</title>
      <div className="toolbar">
        <h1>Projects</h1>
        {canEdit && (
          <div className="toolbar__actions">
            <ExportMenu kind="projects" filters={projectFilterParams(query)} />
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New project
            </button>
          </div>
        )}
      </div>
      <ProjectFilterBar query={query} onChange={setQuery} />
      {projects.error && <FormAlert tone="error">{errorMessage(projects.error)}</FormAlert>}
      {projects.isPending && !projects.error && <p className="muted" role="status">Loading projects…</p>}
      {data && data.items.length === 0 && (
        <p className="muted">
          {filtered ? 'No project matches these filters. Turn off a status, clear the search or show every department.' : 'No projects yet.'}
        </p>
      )}
      {data && data.items.length > 0 && (
        <>
          <ProjectsTable projects={data.items} sort={query.sort} onSort={(sort) => setQuery({ sort })} />
          {data.total > data.pageSize && (
            <Pagination label="Project pages" page={data.page} pageSize={data.pageSize} total={data.total}
              onPage={(page) => setQuery({ page })} />
          )}
        </>
      )}
      {creating && <NewProjectDialog onClose={() => setCreating(false)} />}
    </>
  );
}
