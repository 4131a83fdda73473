// The people on a project: name (linked), role on the project and their hours over the
// next 12 weeks; managers also add people (from the candidates the server ranks by
// skills and free hours) and remove an assignment after confirming.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ScopedLink } from '../../shared/departmentScope/ScopedLink';
import { deleteAssignment, fetchProjectAssignments, type Assignment } from '../../api/assignments';
import type { Project } from '../../api/projects';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage, writeErrorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { currentWeek, formatHours, sumWeeks, weekRange } from '../../ui/weeks';
import { AddPersonDialog } from './AddPersonDialog';
import { queryKeys } from '../../api/queryKeys';

export function ProjectAssignments({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const toast = useToast();
  const queryClient = useQueryClient();
  const assignments = useQuery({
    queryKey: queryKeys.assignments.ofProject(project.id),
    queryFn: ({ signal }) => fetchProjectAssignments(project.id, signal),
  });
  const remove = useMutation({
    mutationFn: deleteAssignment,
    onSuccess: (_done, assignment) => {
      toast(`Removed ${assignment.personName} from ${project.name}.`);
      setRemoving(null);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.assignments.all }),
  });
  const items = assignments.data?.items ?? [];
  const weeks = weekRange(currentWeek(), 12);

  return (
    <section aria-labelledby="project-people">
      <div className="toolbar">
        <h2 id="project-people">People on this project</h2>
        {canEdit && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add a person
          </button>
        )}
      </div>
      {assignments.error && <FormAlert tone="error">{errorMessage(assignments.error)}</FormAlert>}
      {assignments.isPending && !assignments.error && <p className="muted" role="status">Loading assignments…</p>}
      {assignments.data && items.length === 0 && <p className="muted">Nobody is on this project yet.</p>}
      {items.length > 0 && (
        <table className="data-table" aria-label="People on this project">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role on project</th>
              <th scope="col" className="num">Hours, next 12 weeks</th>
              {canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {items.map((assignment) => (
              <tr key={assignment.id}>
                <td><ScopedLink to={`/people/${assignment.person}`}>{assignment.personName}</ScopedLink></td>
                <td>{assignment.roleOnProject}</td>
                <td className="num">{formatHours(sumWeeks(assignment.weeklyHours, weeks))}</td>
                {canEdit && (
                  <td>
                    <button type="button" className="button button--quiet button--small"
                      onClick={() => { remove.reset(); setRemoving(assignment); }}>
                      Remove <span className="visually-hidden">{assignment.personName}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddPersonDialog project={project} onClose={() => setAdding(false)} />}
      {removing && (
        <ConfirmDialog title={`Remove ${removing.personName} from ${project.name}?`} confirmLabel="Remove from project"
          pending={remove.isPending} problem={remove.error ? writeErrorMessage(remove.error) : undefined}
          onConfirm={() => remove.mutate(removing)} onClose={() => setRemoving(null)}>
          <p>Their planned hours on this project are removed too. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
