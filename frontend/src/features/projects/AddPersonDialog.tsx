// "Add a person" to a project: choose the weeks (this week and the next 3 by default)
// and a role on the project; candidates come from the plan's totals for those weeks,
// most free hours first, filterable by name. "Add" creates the assignment.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createAssignment, fetchGridTotals } from '../../api/assignments';
import type { Project } from '../../api/projects';
import { Dialog } from '../../ui/Dialog';
import { FormAlert } from '../../ui/FormAlert';
import { TextField } from '../../ui/TextField';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { currentWeek, weekRange } from '../people/weeks';
import { CandidateTable } from './CandidateTable';
import { rankCandidates } from './candidates';
import { WeekRangePicker } from './WeekRangePicker';

/** The grid endpoint answers at least this many weeks. */
const MIN_GRID_WEEKS = 8;

interface Props {
  project: Project;
  onProject: ReadonlySet<number>;
  onClose: () => void;
}

export function AddPersonDialog({ project, onProject, onClose }: Props) {
  const [range, setRange] = useState({ start: currentWeek(), weeks: 4 });
  const [role, setRole] = useState('');
  const [filter, setFilter] = useState('');
  const toast = useToast();
  const queryClient = useQueryClient();
  const scope = { start: range.start, weeks: Math.max(MIN_GRID_WEEKS, range.weeks) };
  const grid = useQuery({
    queryKey: ['assignments', 'grid', scope],
    queryFn: ({ signal }) => fetchGridTotals(scope, signal),
    placeholderData: keepPreviousData,
  });
  const add = useMutation({
    mutationFn: (person: { id: number; name: string }) =>
      createAssignment({ person: person.id, project: project.id, roleOnProject: role.trim() }),
    onSuccess: async (_created, person) => {
      toast(`Added ${person.name} to ${project.name}.`);
      await queryClient.invalidateQueries({ queryKey: ['assignments'] });
      onClose();
    },
  });
  const needle = filter.trim().toLocaleLowerCase();
  const candidates = grid.data
    ? rankCandidates(grid.data, weekRange(range.start, range.weeks), onProject).filter((candidate) =>
        candidate.name.toLocaleLowerCase().includes(needle),
      )
    : [];

  return (
    <Dialog title={`Add a person to ${project.name}`} onClose={onClose}>
      <div className="add-person">
        <div className="add-person__controls">
          <WeekRangePicker value={range} onChange={setRange} />
          <TextField label="Role on project (optional)" maxLength={100} value={role} onChange={(event) => setRole(event.target.value)} />
          <TextField label="Filter by name" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </div>
        {add.error && <FormAlert tone="error">{errorMessage(add.error)}</FormAlert>}
        {grid.error && <FormAlert tone="error">{errorMessage(grid.error)}</FormAlert>}
        {grid.isPending && !grid.error && <p className="muted" role="status">Loading who is free…</p>}
        {grid.data && candidates.length === 0 && <p className="muted">Nobody else to add{needle ? ' by that name' : ''}.</p>}
        {candidates.length > 0 && <CandidateTable candidates={candidates} pending={add.isPending} onAdd={(person) => add.mutate(person)} />}
        <div className="form-actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
