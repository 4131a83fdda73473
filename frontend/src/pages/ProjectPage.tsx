// /projects/:id: a project's notes and details (editable for managers and admins, with
// If-Match), its deliverables in order, and the people on it, with "Add a person" from
// the candidates for the chosen weeks and skills.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { fetchProject } from '../api/projects';
import { DeliverablesSection } from '../features/deliverables/DeliverablesSection';
import { ScopedLink } from '../shared/departmentScope/ScopedLink';
import { useCanPlan } from '../auth/useCanPlan';
import { ProjectAssignments } from '../features/projects/ProjectAssignments';
import { ProjectEditor } from '../features/projects/ProjectEditor';
import { ProjectNotes } from '../features/projects/ProjectNotes';
import { ProjectSummary } from '../features/projects/ProjectSummary';
import { STATUS_LABELS } from '../features/projects/projectStatus';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/people/people.css';
import '../features/projects/projects.css';
import { queryKeys } from '../api/queryKeys';

export function ProjectPage() {
  const id = Number(useParams().id);
  const canEdit = useCanPlan();
  const project = useQuery({ queryKey: queryKeys.projects.detail(id), queryFn: ({ signal }) => fetchProject(id, signal) });

  return (
    <>
      <title>{`${project.data?.name ?? 'Project'} · Workload Tracker`}</title>
      <p><ScopedLink to="/projects">← Projects</ScopedLink></p>
      {project.error && <FormAlert tone="error">{errorMessage(project.error)}</FormAlert>}
      {project.isPending && !project.error && <p className="muted" role="status">Loading…</p>}
      {project.data && (
        <>
          <h1>
            {project.data.name}{' '}
            <span className={`status status--${project.data.status}`}>{STATUS_LABELS[project.data.status]}</span>
          </h1>
          <div className="person-layout project-layout">
            <div className="project-side">
              <ProjectNotes project={project.data} canEdit={canEdit} />
              <section className="card" aria-label="Project details">
                {canEdit ? <ProjectEditor project={project.data} /> : <ProjectSummary project={project.data} />}
              </section>
            </div>
            <div>
              <DeliverablesSection project={project.data.id} canEdit={canEdit} />
              <ProjectAssignments project={project.data} canEdit={canEdit} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
