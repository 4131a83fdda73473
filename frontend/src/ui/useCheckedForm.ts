// State for an entity form (person, project): the values, whether a submit was tried
// (the browser's checks show from then on), and one message per field: the browser's
// first, then the server's from the last failed write.
import { useState } from 'react';
import { fieldErrors } from './fieldErrors';

export function useCheckedForm<V extends object>(
  initial: V,
  serverError: Error | null,
  problemsOf: (values: V) => Partial<Record<keyof V & string, string>>,
) {
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const problems = problemsOf(values);
  const fields = Object.keys(initial) as (keyof V & string)[];
  const server = fieldErrors(serverError, fields);
  const errors = Object.fromEntries(
    fields.map((field) => [field, (tried ? problems[field] : undefined) ?? server.messages[field]]),
  ) as Partial<Record<keyof V & string, string>>;

  return {
    values,
    errors,
    /** True when the server's error was not about one of the fields (show it above them). */
    showServerAlert: serverError !== null && !server.shownInline,
    onChange: (changes: Partial<V>) => setValues((current) => ({ ...current, ...changes })),
    /** Marks the form as tried; true when the browser found nothing to fix. */
    check: () => {
      setTried(true);
      return Object.keys(problems).length === 0;
    },
  };
}
