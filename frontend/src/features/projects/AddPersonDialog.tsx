// "Add a person" to a project: choose the weeks (this week and the next 3 by default),
// the skills wanted and a role on the project. The server ranks the candidates in one
// request (most matched skills, then most free hours, then name) within the page's
// department filter, searchable by name; "Add" creates the assignment.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createAssignment } from '../../api/assignments';
import { CANDIDATES_LIMIT, fetchCandidates, type CandidateQuery, type Project } from '../../api/projects';
import type { Skill } from '../../api/skills';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { SearchBox } from '../../ui/SearchBox';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { useDepartmentScope } from '../../shared/departmentScope/useDepartmentScope';
import { currentWeek } from '../../ui/weeks';
import { CandidateTable } from './CandidateTable';
import { SkillPicker } from './SkillPicker';
import { WeekRangePicker } from './WeekRangePicker';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  project: Project;
  onClose: () => void;
}

/** Why the list is empty, in words. */
function nobody(filters: CandidateQuery): string {
  const skills = filters.skills.length === 0 ? '' : filters.skills.length === 1 ? ' with that skill' : ' with any of those skills';
  const name = filters.search.trim() ? ' by that name' : '';
  const department = filters.department === null ? '' : ' in the chosen department';
  return `Nobody else to add${skills}${name}${department}.`;
}

export function AddPersonDialog({ project, onClose }: Props) {
  const [range, setRange] = useState({ start: currentWeek(), weeks: 4 });
  const [role, setRole] = useState('');
  const [search, setSearch] = useState('');
  const [skills, setSkills] = useState<Skill[]>([]);
  const { department, includeChildren } = useDepartmentScope();
  const toast = useToast();
  const queryClient = useQueryClient();
  const filters: CandidateQuery = { ...range, skills: skills.map((skill) => skill.id), department, includeChildren, search };
  const candidates = useQuery({
    queryKey: queryKeys.projects.candidates(project.id, filters),
    queryFn: ({ signal }) => fetchCandidates(project.id, filters, signal),
    placeholderData: keepPreviousData,
  });
  const add = useMutation({
    mutationFn: (person: { id: number; name: string }) =>
      createAssignment({ person: person.id, project: project.id, roleOnProject: role.trim() }),
    onSuccess: async (_created, person) => {
      toast(`Added ${person.name} to ${project.name}.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.assignments.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects.candidatesOf(project.id) });
      onClose();
    },
  });
  const items = candidates.data?.items ?? [];

  return (
    <Dialog title={`Add a person to ${project.name}`} onClose={onClose}>
      <div className="add-person">
        <div className="add-person__controls">
          <WeekRangePicker value={range} onChange={setRange} />
          <TextField label="Role on project (optional)" maxLength={100} value={role} onChange={(event) => setRole(event.target.value)} />
          <div className="field">
            <SearchBox label="Filter by name" value={search} onSearch={setSearch} />
          </div>
          <SkillPicker value={skills} onChange={setSkills} />
        </div>
        {department !== null && (
          <p className="muted">
            Only people in the department chosen at the top of the page{includeChildren ? ' and its sub-departments' : ''}.
          </p>
        )}
        {add.error && <FormAlert tone="error">{errorMessage(add.error)}</FormAlert>}
        {candidates.error && <FormAlert tone="error">{errorMessage(candidates.error)}</FormAlert>}
        {candidates.isPending && !candidates.error && <p className="muted" role="status">Loading who is free…</p>}
        {candidates.data && items.length === 0 && <p className="muted">{nobody(filters)}</p>}
        {items.length > 0 && (
          <CandidateTable candidates={items} withSkills={skills.length > 0} pending={add.isPending} onAdd={(person) => add.mutate(person)} />
        )}
        {items.length >= CANDIDATES_LIMIT && (
          <p className="muted">The best {CANDIDATES_LIMIT} are shown; filter by name or skill to find others.</p>
        )}
        <div className="form-actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
