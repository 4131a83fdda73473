// "Add a deliverable" under the table: a description (required), a percentage and a
// date; the browser's checks and the server's field errors show at their fields. The
// section remounts it empty after each add, focused for the next one.
import type { FormEvent } from 'react';
import type { DeliverableChanges } from '../../api/deliverables';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { useCheckedForm } from '../../ui/useCheckedForm';
import { parseField } from './deliverableFields';

const EMPTY = { description: '', percentage: '', date: '' };
type Values = typeof EMPTY;

function problems(values: Values): Partial<Record<keyof Values, string>> {
  const found: Partial<Record<keyof Values, string>> = {};
  for (const field of ['description', 'percentage'] as const) {
    const parsed = parseField(field, values[field]);
    if ('problem' in parsed) found[field] = parsed.problem;
  }
  return found;
}

function body(values: Values): DeliverableChanges {
  const percentage = values.percentage.trim();
  return {
    description: values.description.trim(),
    ...(percentage ? { percentage: Number(percentage) } : {}),
    ...(values.date ? { date: values.date } : {}),
  };
}

interface Props {
  pending: boolean;
  error: Error | null;
  autoFocus: boolean;
  onAdd: (fields: DeliverableChanges) => void;
}

export function NewDeliverableForm({ pending, error, autoFocus, onAdd }: Props) {
  const form = useCheckedForm(EMPTY, error, problems);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.check()) onAdd(body(form.values));
  }

  return (
    <form className="deliverable-add" onSubmit={submit} noValidate aria-label="Add a deliverable">
      {form.showServerAlert && <FormAlert tone="error">{errorMessage(error)}</FormAlert>}
      <div className="deliverable-add__fields">
        <TextField label="New deliverable" placeholder="e.g. 50% DD" maxLength={200} autoFocus={autoFocus} value={form.values.description}
          error={form.errors.description} onChange={(event) => form.onChange({ description: event.target.value })} />
        <TextField label="Percentage" inputMode="numeric" maxLength={3} value={form.values.percentage} error={form.errors.percentage}
          onChange={(event) => form.onChange({ percentage: event.target.value })} />
        <TextField label="Date" type="date" value={form.values.date} error={form.errors.date}
          onChange={(event) => form.onChange({ date: event.target.value })} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Adding…' : 'Add deliverable'}
        </button>
      </div>
    </form>
  );
}
