// The inline "Add a role" form above the roles table: a name and an optional
// description. A taken name is shown next to the name field.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { createRole } from '../../api/roles';
import { InlineCreateForm } from '../../ui/InlineCreateForm';
import { TextField } from '../../ui/TextField';
import { fieldErrors } from '../../ui/fieldErrors';
import { useToast } from '../../ui/toast/useToast';
import { useRefreshRoles } from './useRoleActions';

const EMPTY = { name: '', description: '' };

export function CreateRoleForm() {
  const [form, setForm] = useState(EMPTY);
  const toast = useToast();
  const refresh = useRefreshRoles();
  const create = useMutation({
    mutationFn: () => createRole({ name: form.name.trim(), description: form.description.trim() }),
    onSuccess: (role) => {
      toast(`Added the role ${role.name}.`);
      setForm(EMPTY);
      return refresh();
    },
  });
  const { messages, shownInline } = fieldErrors(create.error, ['name', 'description'] as const);

  return (
    <InlineCreateForm
      label="Add a role"
      submitLabel="Add role"
      className="role-create"
      error={create.error}
      shownInline={shownInline}
      busy={create.isPending}
      ready={form.name.trim() !== ''}
      onSubmit={() => create.mutate()}
    >
      <TextField label="New role" placeholder="e.g. Structural engineer" required maxLength={100}
        value={form.name} error={messages.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
      <TextField label="Description (optional)" maxLength={2000} value={form.description}
        error={messages.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />
    </InlineCreateForm>
  );
}
