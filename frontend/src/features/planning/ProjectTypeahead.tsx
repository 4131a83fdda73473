// The project search of "Add project": type to search active and planning projects,
// arrows choose, Enter adds, Escape closes. An ARIA combobox with a listbox of matches.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { searchProjects, type ProjectOption } from '../../api/planning';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  personName: string;
  onPick: (project: ProjectOption) => void;
  /** Closes the search; `refocus` returns the keyboard to the grid. */
  onClose: (refocus: boolean) => void;
}

const SEARCH_DELAY_MS = 250;

export function ProjectTypeahead({ personName, onPick, onClose }: Props) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const projects = useQuery({ queryKey: queryKeys.planning.projectSearch(search), queryFn: ({ signal }) => searchProjects(search, signal) });
  const options = projects.data ?? [];
  const current = Math.min(active, options.length - 1);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    const chosen = options[current];
    if (event.key === 'ArrowDown') setActive(Math.min(current + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
    else if (event.key === 'Enter' && chosen) onPick(chosen);
    else if (event.key === 'Escape') onClose(true);
    else return;
    event.preventDefault();
  }

  return (
    <div className="plan-typeahead">
      <input
        autoFocus
        role="combobox"
        className="plan-typeahead__input"
        aria-label={`Add a project to ${personName}`}
        aria-expanded={options.length > 0}
        aria-controls="plan-typeahead-list"
        aria-activedescendant={options[current] ? `plan-project-${options[current].id}` : undefined}
        placeholder="Search projects…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => onClose(false)}
      />
      <ul id="plan-typeahead-list" role="listbox" className="plan-typeahead__list" aria-label="Matching projects">
        {options.map((project, i) => (
          <li
            key={project.id}
            id={`plan-project-${project.id}`}
            role="option"
            aria-selected={i === current}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(project);
            }}
          >
            {project.name}
            <span className="muted">{[project.projectNumber, project.client].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
        {projects.isSuccess && options.length === 0 && <li className="muted">No matching projects</li>}
      </ul>
    </div>
  );
}
