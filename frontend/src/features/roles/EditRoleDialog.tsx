// Renaming a role or changing its description. Only changed fields are sent; after a
// 412 the fields are reset to the version someone else saved.
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { JobRole, JobRoleChanges } from '../../api/roles';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { writeErrorMessage } from '../../ui/errorMessage';
import { fieldErrors } from '../../ui/fieldErrors';

interface Props {
  role: JobRole;
  update: UseMutationResult<JobRole, Error, JobRoleChanges>;
  onClose: () => void;
}

export function EditRoleDialog({ role, update, onClose }: Props) {
  const { messages, shownInline } = fieldErrors(update.error, ['name', 'description'] as const);
  return (
    <Dialog title={`Edit ${role.name}`} onClose={onClose}>
      {update.error && !shownInline && <FormAlert tone="error">{writeErrorMessage(update.error)}</FormAlert>}
      <RoleFields key={role.version} role={role} update={update} errors={messages} onClose={onClose} />
    </Dialog>
  );
}

interface FieldsProps extends Props {
  errors: { name: string | undefined; description: string | undefined };
}

function RoleFields({ role, update, errors, onClose }: FieldsProps) {
  const [form, setForm] = useState({ name: role.name, description: role.description });
  const changes: JobRoleChanges = {};
  if (form.name.trim() !== role.name) changes.name = form.name.trim();
  if (form.description !== role.description) changes.description = form.description;
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed) update.mutate(changes, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${role.name}`}>
      <TextField label="Name" required autoFocus maxLength={100} value={form.name} error={errors.name}
        onChange={(event) => setForm({ ...form, name: event.target.value })} />
      <TextAreaField label="Description" maxLength={2000} value={form.description} error={errors.description}
        onChange={(event) => setForm({ ...form, description: event.target.value })} />
      <FormActions label="Save changes" busyLabel="Saving…" busy={update.isPending} disabled={!form.name.trim() || !changed} onCancel={onClose} />
    </form>
  );
}
