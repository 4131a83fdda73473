// The project details form for managers and admins (notes have their own editor on the
// page): saves only what changed, with If-Match. The form starts afresh only when the
// details themselves change on the server (after a 412 re-read, say), so saving notes,
// which bumps the version too, never throws away details being typed.
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { updateProject, type Project, type ProjectChanges } from '../../api/projects';
import { FormAlert } from '../../ui/FormAlert';
import { writeErrorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { useCheckedForm } from '../../ui/useCheckedForm';
import { ProjectFields } from './ProjectFields';
import { projectChanges, projectProblems, projectValues } from './projectForm';
import { queryKeys } from '../../api/queryKeys';

export function ProjectEditor({ project }: { project: Project }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (changes: ProjectChanges) => updateProject(project, changes),
    onSuccess: (saved) => toast(`Saved ${saved.name}.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.projects.all }),
  });
  const details = JSON.stringify(projectValues(project));
  return <ProjectEditForm key={details} project={project} update={update} />;
}

interface FormProps {
  project: Project;
  update: UseMutationResult<Project, Error, ProjectChanges>;
}

function ProjectEditForm({ project, update }: FormProps) {
  const form = useCheckedForm(projectValues(project), update.error, projectProblems);
  const changes = projectChanges(project, form.values);
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.check() && changed) update.mutate(changes);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${project.name}`}>
      {form.showServerAlert && <FormAlert tone="error">{writeErrorMessage(update.error)}</FormAlert>}
      <ProjectFields values={form.values} onChange={form.onChange} errors={form.errors} withNotes={false} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending || !changed}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
