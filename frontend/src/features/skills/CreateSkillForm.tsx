// The inline "Add a skill" form above the skills table: a name and an optional category.
// A taken name is shown next to the name field.
import { useState } from 'react';
import { InlineCreateForm } from '../../ui/InlineCreateForm';
import { TextField } from '../../ui/TextField';
import { fieldErrors } from '../../ui/fieldErrors';
import { CategoryField } from './CategoryField';
import { useCreateSkill } from './useSkillActions';

const EMPTY = { name: '', category: '' };

export function CreateSkillForm({ categories }: { categories: readonly string[] }) {
  const [form, setForm] = useState(EMPTY);
  const create = useCreateSkill();
  const { messages, shownInline } = fieldErrors(create.error, ['name', 'category'] as const);

  return (
    <InlineCreateForm
      label="Add a skill"
      submitLabel="Add skill"
      error={create.error}
      shownInline={shownInline}
      busy={create.isPending}
      ready={form.name.trim() !== ''}
      onSubmit={() => create.mutate({ name: form.name.trim(), category: form.category.trim() }, { onSuccess: () => setForm(EMPTY) })}
    >
      <TextField label="New skill" placeholder="e.g. Revit" required maxLength={100}
        value={form.name} error={messages.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
      <CategoryField label="Category (optional)" placeholder="e.g. Software" categories={categories}
        value={form.category} error={messages.category} onChange={(event) => setForm({ ...form, category: event.target.value })} />
    </InlineCreateForm>
  );
}
