// Above the tree: the name search (matches keep their parents visible) and the
// "Show inactive" switch. Both filter in the browser, at once.
interface Props {
  query: string;
  showInactive: boolean;
  onChange: (changes: { query?: string; showInactive?: boolean }) => void;
}

export function TreeFilterBar({ query, showInactive, onChange }: Props) {
  return (
    <div className="filter-bar" role="search">
      <label>
        <span className="visually-hidden">Search departments</span>
        <input
          type="search"
          className="search-input"
          placeholder="Search departments"
          value={query}
          onChange={(event) => onChange({ query: event.target.value })}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={showInactive} onChange={(event) => onChange({ showInactive: event.target.checked })} />
        Show inactive
      </label>
    </div>
  );
}
