// The project form's fields, shared by "New project" and the project editor: name,
// number, client, status, dates, estimate, description and notes (the project page edits
// notes on their own, so its editor leaves them out), each with its message.
import { PROJECT_STATUSES, type ProjectStatus } from '../../api/projects';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import type { ProjectField, ProjectFormValues } from './projectForm';
import { STATUS_LABELS } from './projectStatus';

interface Props {
  values: ProjectFormValues;
  onChange: (changes: Partial<ProjectFormValues>) => void;
  errors: Partial<Record<ProjectField, string | undefined>>;
  autoFocus?: boolean;
  withNotes?: boolean;
}

export function ProjectFields({ values, onChange, errors, autoFocus = false, withNotes = true }: Props) {
  return (
    <div className="project-fields">
      <TextField label="Name" required autoFocus={autoFocus} maxLength={200} value={values.name} error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })} />
      <TextField label="Project number" maxLength={50} value={values.projectNumber} error={errors.projectNumber}
        onChange={(event) => onChange({ projectNumber: event.target.value })} />
      <TextField label="Client" maxLength={200} value={values.client} error={errors.client}
        onChange={(event) => onChange({ client: event.target.value })} />
      <div className="field">
        <label htmlFor="project-status">Status</label>
        <select id="project-status" className="select" value={values.status}
          onChange={(event) => onChange({ status: event.target.value as ProjectStatus })}>
          {PROJECT_STATUSES.map((status) => (
            <option key={status} value={status}>{STATUS_LABELS[status]}</option>
          ))}
        </select>
        {errors.status && <p className="field__error">{errors.status}</p>}
      </div>
      <TextField label="Start date" type="date" value={values.startDate} error={errors.startDate}
        onChange={(event) => onChange({ startDate: event.target.value })} />
      <TextField label="End date" type="date" value={values.endDate} error={errors.endDate}
        onChange={(event) => onChange({ endDate: event.target.value })} />
      <TextField label="Estimated hours" inputMode="decimal" value={values.estimatedHours} error={errors.estimatedHours}
        onChange={(event) => onChange({ estimatedHours: event.target.value })} />
      <TextAreaField label="Description" maxLength={5000} value={values.description} error={errors.description}
        onChange={(event) => onChange({ description: event.target.value })} />
      {withNotes && (
        <TextAreaField label="Notes" maxLength={5000} value={values.notes} error={errors.notes}
          onChange={(event) => onChange({ notes: event.target.value })} />
      )}
    </div>
  );
}
