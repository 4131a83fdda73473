// The person form's values (text as typed), the checks the browser can make before
// asking the server (name, capacity: 0-168 hours, at most two decimals), and the
// request bodies: everything set for a new person, only what changed for an edit.
import type { Person, PersonChanges } from '../../api/people';

export interface PersonFormValues {
  name: string;
  email: string;
  weeklyCapacity: string;
  role: number | null;
  department: number | null;
  location: string;
  hireDate: string;
  notes: string;
}

export type PersonField = keyof PersonFormValues;

export const EMPTY_PERSON: PersonFormValues = {
  name: '',
  email: '',
  weeklyCapacity: '36',
  role: null,
  department: null,
  location: '',
  hireDate: '',
  notes: '',
};

export function personValues(person: Person): PersonFormValues {
  return {
    name: person.name,
    email: person.email ?? '',
    weeklyCapacity: String(person.weeklyCapacity),
    role: person.role ?? null,
    department: person.department ?? null,
    location: person.location,
    hireDate: person.hireDate ?? '',
    notes: person.notes,
  };
}

/** Why the capacity cannot be sent, or undefined when it is fine. */
export function capacityProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'Enter the weekly capacity in hours, e.g. 36.';
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return 'Enter the capacity as a number of hours, e.g. 37.5.';
  if (Number(trimmed) > 168) return 'Capacity must be between 0 and 168 hours a week.';
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return 'Use at most two decimals, e.g. 37.25.';
  return undefined;
}

export function personProblems(values: PersonFormValues): Partial<Record<PersonField, string>> {
  const problems: Partial<Record<PersonField, string>> = {};
  if (!values.name.trim()) problems.name = 'Enter the person’s name.';
  const capacity = capacityProblem(values.weeklyCapacity);
  if (capacity) problems.weeklyCapacity = capacity;
  return problems;
}

type AllFields = Required<Omit<PersonChanges, 'isActive'>>;

function asChanges(values: PersonFormValues): AllFields {
  return {
    name: values.name.trim(),
    email: values.email.trim() || null,
    weeklyCapacity: Number(values.weeklyCapacity.trim()),
    role: values.role,
    department: values.department,
    location: values.location.trim(),
    hireDate: values.hireDate || null,
    notes: values.notes,
  };
}

/** A new person: the name and every field that was filled in. */
export function newPersonBody(values: PersonFormValues): PersonChanges & { name: string } {
  const all = Object.entries(asChanges(values)).filter(([, value]) => value !== null && value !== '');
  return { ...(Object.fromEntries(all) as PersonChanges), name: values.name.trim() };
}

/** Only the fields that differ from `person`. */
export function personChanges(person: Person, values: PersonFormValues): PersonChanges {
  const all = Object.entries(asChanges(values)).filter(([key, value]) => person[key as keyof AllFields] !== value);
  return Object.fromEntries(all);
}
