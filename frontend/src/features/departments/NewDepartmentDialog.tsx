// "New department": a name, where it sits (the open department by default) and an
// optional description. Server field errors (a taken name, a too-deep tree) show inline;
// the new department opens once created.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createDepartment, type Department } from '../../api/departments';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { fieldErrors } from '../../ui/fieldErrors';
import { useToast } from '../../ui/toast/useToast';
import { parentOptions } from '../../shared/departments/departmentTree';
import { ParentSelect } from './ParentSelect';
import { useRefreshDepartments } from './useDepartmentActions';

interface Props {
  departments: readonly Department[];
  parentId: number | null;
  onCreated: (department: Department) => void;
  onClose: () => void;
}

export function NewDepartmentDialog({ departments, parentId, onCreated, onClose }: Props) {
  const [form, setForm] = useState({ name: '', description: '', parentDepartment: parentId });
  const set = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }));
  const toast = useToast();
  const refresh = useRefreshDepartments();
  const create = useMutation({
    mutationFn: () => createDepartment({ ...form, name: form.name.trim() }),
    onSuccess: async (department) => {
      toast(`Created ${department.name}.`);
      await refresh();
      onCreated(department);
    },
  });
  const { messages, shownInline } = fieldErrors(create.error, ['name', 'description', 'parentDepartment'] as const);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.name.trim()) create.mutate();
  }

  return (
    <Dialog title="New department" onClose={onClose}>
      <form onSubmit={submit} noValidate aria-label="New department">
        {create.error && !shownInline && <FormAlert tone="error">{errorMessage(create.error)}</FormAlert>}
        <TextField label="Name" required autoFocus maxLength={200} value={form.name} error={messages.name}
          onChange={(event) => set({ name: event.target.value })} />
        <ParentSelect options={parentOptions(departments, null)} value={form.parentDepartment}
          error={messages.parentDepartment} onChange={(parentDepartment) => set({ parentDepartment })} />
        <TextAreaField label="Description (optional)" maxLength={2000} value={form.description}
          error={messages.description} onChange={(event) => set({ description: event.target.value })} />
        <FormActions label="Create department" busyLabel="Creating…" busy={create.isPending} disabled={!form.name.trim()} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
