// Renaming a skill or changing its category, with If-Match. Only changed fields are
// sent; after a 412 the list refreshes and the fields reset to the version someone else saved.
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Skill, SkillChanges } from '../../api/skills';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { writeErrorMessage } from '../../ui/errorMessage';
import { fieldErrors } from '../../ui/fieldErrors';
import { CategoryField } from './CategoryField';
import { useSkillActions } from './useSkillActions';

interface Props {
  skill: Skill;
  categories: readonly string[];
  onClose: () => void;
}

export function EditSkillDialog({ skill, categories, onClose }: Props) {
  const { update } = useSkillActions(skill);
  const { messages, shownInline } = fieldErrors(update.error, ['name', 'category'] as const);
  return (
    <Dialog title={`Edit ${skill.name}`} onClose={onClose}>
      {update.error && !shownInline && <FormAlert tone="error">{writeErrorMessage(update.error)}</FormAlert>}
      <SkillFields key={skill.version} skill={skill} categories={categories} update={update} errors={messages} onClose={onClose} />
    </Dialog>
  );
}

interface FieldsProps extends Props {
  update: UseMutationResult<Skill, Error, SkillChanges>;
  errors: { name: string | undefined; category: string | undefined };
}

function SkillFields({ skill, categories, update, errors, onClose }: FieldsProps) {
  const [form, setForm] = useState({ name: skill.name, category: skill.category });
  const changes: SkillChanges = {};
  if (form.name.trim() !== skill.name) changes.name = form.name.trim();
  if (form.category.trim() !== skill.category) changes.category = form.category.trim();
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed && form.name.trim()) update.mutate(changes, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${skill.name}`}>
      <TextField label="Name" required autoFocus maxLength={100} value={form.name} error={errors.name}
        onChange={(event) => setForm({ ...form, name: event.target.value })} />
      <CategoryField label="Category" categories={categories} value={form.category} error={errors.category}
        onChange={(event) => setForm({ ...form, category: event.target.value })} />
      <FormActions label="Save changes" busyLabel="Saving…" busy={update.isPending} disabled={!form.name.trim() || !changed} onCancel={onClose} />
    </form>
  );
}
