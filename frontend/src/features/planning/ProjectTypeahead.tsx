// The project search of "Add project" (ui/Combobox): type to search active and planning
// projects on the server (after a pause in typing), arrows choose, Enter or a click adds,
// Escape closes. Keys typed here stay out of the grid around it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { searchProjects, type ProjectOption } from '../../api/planning';
import { queryKeys } from '../../api/queryKeys';
import { Combobox } from '../../ui/Combobox';

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
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const projects = useQuery({ queryKey: queryKeys.planning.projectSearch(search), queryFn: ({ signal }) => searchProjects(search, signal) });
  const options = projects.data ?? [];

  return (
    <Combobox
      className="plan-typeahead"
      inputClassName="plan-typeahead__input"
      listClassName="plan-typeahead__list"
      label={`Add a project to ${personName}`}
      labelHidden
      listLabel="Matching projects"
      placeholder="Search projects…"
      autoFocus
      alwaysOpen
      isolateKeys
      items={options}
      itemKey={(project) => project.id}
      itemText={(project) => project.name}
      renderItem={(project) => (
        <>
          {project.name}
          <span className="muted">{[project.projectNumber, project.client].filter(Boolean).join(' · ')}</span>
        </>
      )}
      note={projects.isSuccess && options.length === 0 ? 'No matching projects' : null}
      onTextChange={setText}
      onSelect={(project) => project && onPick(project)}
      onEscape={() => onClose(true)}
      onLeave={() => onClose(false)}
    />
  );
}
