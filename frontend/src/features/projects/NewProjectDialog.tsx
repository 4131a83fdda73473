// "New project": the project form in a dialog; the browser checks the name, dates and
// estimate, the server's field errors (a taken number) show at their fields. The new
// project's page opens once created.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { createProject } from '../../api/projects';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { useScopedNavigate } from '../../shared/departmentScope/ScopedLink';
import { useCheckedForm } from '../../ui/useCheckedForm';
import { ProjectFields } from './ProjectFields';
import { EMPTY_PROJECT, newProjectBody, projectProblems } from './projectForm';
import { queryKeys } from '../../api/queryKeys';

export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const navigate = useScopedNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createProject,
    onSuccess: async (project) => {
      toast(`Created ${project.name}.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.projects.all });
      await navigate(`/projects/${project.id}`);
    },
  });
  const form = useCheckedForm(EMPTY_PROJECT, create.error, projectProblems);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.check()) create.mutate(newProjectBody(form.values));
  }

  return (
    <Dialog title="New project" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="New project">
        {form.showServerAlert && <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>}
        <ProjectFields values={form.values} onChange={form.onChange} errors={form.errors} autoFocus />
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create project'}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
