// /people: everyone whose time is planned, searchable, filterable by department (and
// its sub-departments), role and status, sortable by column; all of it in the URL.
// Managers and admins also add people and move a selection to another department.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchPeople, peopleFilterParams } from '../api/people';
import { NewPersonDialog } from '../features/people/NewPersonDialog';
import { PeopleFilterBar } from '../features/people/PeopleFilterBar';
import { PeopleList } from '../features/people/PeopleList';
import { useCanPlan } from '../auth/useCanPlan';
import { usePeopleParams } from '../features/people/usePeopleParams';
import { useReferenceData } from '../features/people/useReferenceData';
import { ExportMenu } from '../features/exports/ExportMenu';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import '../features/people/people.css';
import { queryKeys } from '../api/queryKeys';

export function PeoplePage() {
  const canEdit = useCanPlan();
  const [query, setQuery] = usePeopleParams();
  const [creating, setCreating] = useState(false);
  const reference = useReferenceData();
  const people = useQuery({
    queryKey: queryKeys.people.list(query),
    queryFn: ({ signal }) => fetchPeople(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <title>People · Workload Tracker</title>
      <div className="toolbar">
        <h1>People</h1>
        {canEdit && (
          <div className="toolbar__actions">
            <ExportMenu kind="people" filters={peopleFilterParams(query)} />
            <button type="button" className="button" onClick={() => setCreating(true)}>
              New person
            </button>
          </div>
        )}
      </div>
      <PeopleFilterBar query={query} reference={reference} onChange={setQuery} />
      {people.error && <FormAlert tone="error">{errorMessage(people.error)}</FormAlert>}
      {people.isPending && !people.error && <p className="muted" role="status">Loading people…</p>}
      {people.data && (
        <PeopleList key={JSON.stringify(query)} page={people.data} query={query} canEdit={canEdit}
          reference={reference} onChange={setQuery} />
      )}
      {creating && <NewPersonDialog reference={reference} department={query.department} onClose={() => setCreating(false)} />}
    </>
  );
}
