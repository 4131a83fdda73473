// What the tree area says when it has nothing to show, and what to do about it.
interface Props {
  total: number;
  query: string;
  showInactive: boolean;
  canEdit: boolean;
}

export function EmptyTree({ total, query, showInactive, canEdit }: Props) {
  let message: string;
  if (total === 0) {
    message = canEdit
      ? 'No departments yet. Start with the top-level ones (say “Engineering”) using “New department”, then open one and add its sub-departments.'
      : 'No departments yet. Managers and administrators can set them up.';
  } else if (query.trim()) {
    const hint = showInactive ? 'Check the spelling.' : 'Check the spelling, or turn on “Show inactive”.';
    message = `No department name contains “${query.trim()}”. ${hint}`;
  } else {
    message = 'Every department is inactive. Turn on “Show inactive” to see them.';
  }
  return <p className="muted tree-empty">{message}</p>;
}
