// Editing one department: name, description, parent (never itself or one of its own
// sub-departments) and the active flag. Only changed fields are sent. Remounted with
// each new version, so after a save or a 412 reload it shows what the server holds.
import { useState, type FormEvent } from 'react';
import type { Department, DepartmentChanges } from '../../api/departments';
import { FormAlert } from '../../ui/FormAlert';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { writeErrorMessage } from '../../ui/errorMessage';
import { fieldErrors } from '../../ui/fieldErrors';
import { parentOptions } from '../../shared/departments/departmentTree';
import { ParentSelect } from './ParentSelect';

interface Props {
  department: Department;
  departments: readonly Department[];
  saving: boolean;
  error: Error | null;
  onSave: (changes: DepartmentChanges) => void;
  onDelete: () => void;
}

export function DepartmentForm({ department, departments, saving, error, onSave, onDelete }: Props) {
  const [form, setForm] = useState({
    name: department.name,
    description: department.description,
    parentDepartment: department.parentDepartment ?? null,
    isActive: department.isActive,
  });
  const set = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }));
  const changes = changedFields(department, { ...form, name: form.name.trim() });
  const { messages, shownInline } = fieldErrors(error, ['name', 'description', 'parentDepartment'] as const);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(changes).length > 0) onSave(changes);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${department.name}`}>
      {error && !shownInline && <FormAlert tone="error">{writeErrorMessage(error)}</FormAlert>}
      <TextField label="Name" required maxLength={200} value={form.name} error={messages.name}
        onChange={(event) => set({ name: event.target.value })} />
      <ParentSelect options={parentOptions(departments, department.id)} value={form.parentDepartment}
        error={messages.parentDepartment} onChange={(parentDepartment) => set({ parentDepartment })} />
      <TextAreaField label="Description" maxLength={2000} value={form.description} error={messages.description}
        onChange={(event) => set({ description: event.target.value })} />
      <label className="checkbox">
        <input type="checkbox" checked={form.isActive} onChange={(event) => set({ isActive: event.target.checked })} />
        Active
      </label>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving || !form.name.trim() || Object.keys(changes).length === 0}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDelete}>
          Delete…
        </button>
      </div>
    </form>
  );
}

function changedFields(department: Department, form: Required<DepartmentChanges>): DepartmentChanges {
  const changes: DepartmentChanges = {};
  if (form.name !== department.name) changes.name = form.name;
  if (form.description !== department.description) changes.description = form.description;
  if (form.parentDepartment !== department.parentDepartment) changes.parentDepartment = form.parentDepartment;
  if (form.isActive !== department.isActive) changes.isActive = form.isActive;
  return changes;
}
