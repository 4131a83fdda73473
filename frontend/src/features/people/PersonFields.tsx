// The person form's fields, shared by "New person" and the profile editor: name, email,
// weekly capacity, role, department, location, hire date and notes, each with its
// message (the browser's check first, then the server's).
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { ChoiceSelect, departmentChoices, roleChoices } from '../../ui/ChoiceSelect';
import type { PersonField, PersonFormValues } from './personForm';
import type { ReferenceData } from './useReferenceData';

interface Props {
  values: PersonFormValues;
  onChange: (changes: Partial<PersonFormValues>) => void;
  errors: Partial<Record<PersonField, string | undefined>>;
  reference: ReferenceData;
  autoFocus?: boolean;
}

export function PersonFields({ values, onChange, errors, reference, autoFocus = false }: Props) {
  return (
    <div className="person-fields">
      <TextField label="Name" required autoFocus={autoFocus} maxLength={200} value={values.name} error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })} />
      <TextField label="Email" type="email" maxLength={254} value={values.email} error={errors.email}
        onChange={(event) => onChange({ email: event.target.value })} />
      <TextField label="Weekly capacity (hours)" inputMode="decimal" required value={values.weeklyCapacity}
        error={errors.weeklyCapacity} hint="0 to 168; usually 36 or 40."
        onChange={(event) => onChange({ weeklyCapacity: event.target.value })} />
      <ChoiceSelect label="Role" emptyLabel="No role" choices={roleChoices(reference.roles)} value={values.role}
        error={errors.role} onChange={(role) => onChange({ role })} />
      <ChoiceSelect label="Department" emptyLabel="No department" choices={departmentChoices(reference.departments)}
        value={values.department} error={errors.department} onChange={(department) => onChange({ department })} />
      <TextField label="Location" maxLength={200} value={values.location} error={errors.location}
        onChange={(event) => onChange({ location: event.target.value })} />
      <TextField label="Hire date" type="date" value={values.hireDate} error={errors.hireDate}
        onChange={(event) => onChange({ hireDate: event.target.value })} />
      <TextAreaField label="Notes" maxLength={5000} value={values.notes} error={errors.notes}
        onChange={(event) => onChange({ notes: event.target.value })} />
    </div>
  );
}
