// The category text field of a skill, suggesting the categories already in use (a native
// datalist, so picking one works with the keyboard as any input does) while allowing a new one.
import { useId, type InputHTMLAttributes } from 'react';
import { TextField } from '../../ui/TextField';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'list'> {
  label: string;
  categories: readonly string[];
  error?: string | undefined;
}

export function CategoryField({ categories, ...field }: Props) {
  const listId = useId();
  return (
    <>
      <TextField {...field} list={listId} maxLength={100} autoComplete="off" />
      <datalist id={listId}>
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
    </>
  );
}
