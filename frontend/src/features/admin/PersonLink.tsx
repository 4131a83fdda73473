// The user list's "Person" cell: which planned person this account is (so a user can
// edit their own profile and hours), with a small search to link or unlink one.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '../../api/types';
import { fetchPersonChoice, searchPeople, type UserChanges } from '../../api/users';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  user: User;
  busy: boolean;
  onChange: (changes: UserChanges) => void;
}

function LinkedName({ id }: { id: number }) {
  const person = useQuery({ queryKey: queryKeys.people.choice(id), queryFn: ({ signal }) => fetchPersonChoice(id, signal) });
  return <span>{person.data?.name ?? `Person #${id}`}</span>;
}

function PersonSearch({ user, onPick, onCancel }: { user: User; onPick: (id: number) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const found = useQuery({
    queryKey: queryKeys.people.search(text),
    queryFn: ({ signal }) => searchPeople(text, signal),
    enabled: text.trim().length >= 2,
  });
  return (
    <div className="person-link-search">
      <input
        className="search-input"
        aria-label={`Find the person ${user.username} is`}
        placeholder="Type a name…"
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      />
      {found.data && (
        <ul className="person-link-results" aria-label="Matching people">
          {found.data.items.length === 0 && <li className="muted">Nobody matches.</li>}
          {found.data.items.map((person) => (
            <li key={person.id}>
              <button type="button" className="button button--quiet button--small" onClick={() => onPick(person.id)}>
                {person.name}
                {person.departmentName && <span className="muted"> · {person.departmentName}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PersonLink({ user, busy, onChange }: Props) {
  const [searching, setSearching] = useState(false);
  if (searching) {
    return (
      <PersonSearch
        user={user}
        onCancel={() => setSearching(false)}
        onPick={(id) => {
          setSearching(false);
          onChange({ person: id });
        }}
      />
    );
  }
  return (
    <div className="row-actions">
      {user.person === null || user.person === undefined ? <span className="muted">None</span> : <LinkedName id={user.person} />}
      <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => setSearching(true)}>
        {user.person === null ? 'Link…' : 'Change…'}
      </button>
      {user.person !== null && (
        <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onChange({ person: null })}>
          Unlink
        </button>
      )}
    </div>
  );
}
