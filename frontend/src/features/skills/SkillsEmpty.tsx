// Words for an empty skills table: why it is empty and what to do next.
interface Props {
  total: number;
  filtered: boolean;
  canEdit: boolean;
}

export function SkillsEmpty({ total, filtered, canEdit }: Props) {
  let message = canEdit
    ? 'No skills yet. Add the skills people have, such as “Revit” or “Bridge design”, with the form above.'
    : 'No skills yet. Managers and administrators can add them.';
  if (total > 0 && filtered) message = 'No skill matches the search and category. Check the spelling or clear the filters.';
  return <p className="muted">{message}</p>;
}
