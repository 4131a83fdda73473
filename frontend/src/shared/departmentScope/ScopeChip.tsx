// The "Filtered: Civil (and below)" chip shown while a department scope is set, so a
// short list explains itself, with a button that clears the filter.
interface Props {
  name: string;
  includeChildren: boolean;
  onClear: () => void;
}

export function ScopeChip({ name, includeChildren, onClear }: Props) {
  return (
    <span className="scope-chip">
      <span>
        Filtered: <strong title={name}>{name}</strong>
        {includeChildren ? ' (and below)' : ' (only)'}
      </span>
      <button type="button" className="scope-chip__clear" onClick={onClear}>
        <span aria-hidden="true">✕</span>
        <span className="visually-hidden">Clear department filter</span>
      </button>
    </span>
  );
}
