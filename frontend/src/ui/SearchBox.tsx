// A search input for server-side searches: it reports what was typed after a short
// pause, so each keystroke does not become a request.
import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

interface Props {
  label: string;
  value: string;
  onSearch: (value: string) => void;
}

export function SearchBox({ label, value, onSearch }: Props) {
  const [typed, setTyped] = useState(value);

  useEffect(() => {
    if (typed === value) return;
    const timer = setTimeout(() => onSearch(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, value, onSearch]);

  return (
    <label role="search">
      <span className="visually-hidden">{label}</span>
      <input type="search" className="search-input" placeholder={label} value={typed} onChange={(event) => setTyped(event.target.value)} />
    </label>
  );
}
