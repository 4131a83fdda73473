// The people list under the filters: the count, the bulk bar for the selection
// ("Move to department…"), the virtualized table, paging, and words when it is empty.
import { useState } from 'react';
import type { PeoplePage, PeopleQuery } from '../../api/people';
import { Pagination } from '../../ui/Pagination';
import { BulkMoveDialog } from './BulkMoveDialog';
import { PeopleTable } from './PeopleTable';
import type { ReferenceData } from './useReferenceData';

interface Props {
  page: PeoplePage;
  query: PeopleQuery;
  canEdit: boolean;
  reference: ReferenceData;
  onChange: (changes: Partial<PeopleQuery>) => void;
}

export function PeopleList({ page, query, canEdit, reference, onChange }: Props) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [moving, setMoving] = useState(false);
  const shown = page.items.filter((person) => selected.has(person.id)).map((person) => person.id);

  if (page.items.length === 0) {
    const filtered = query.search || query.department !== null || query.role !== null || query.active;
    return (
      <p className="muted">
        {filtered
          ? 'Nobody matches these filters. Clear the search or choose another department, role or status.'
          : canEdit
            ? 'No people yet. Add the first with “New person”.'
            : 'No people yet. Managers and administrators can add them.'}
      </p>
    );
  }

  return (
    <>
      <div className="people-bulk" aria-live="polite">
        <span className="muted num">{page.total === 1 ? '1 person' : `${page.total} people`}</span>
        {canEdit && shown.length > 0 && (
          <>
            <span>{shown.length} selected</span>
            <button type="button" className="button button--small" onClick={() => setMoving(true)}>
              Move to department…
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          </>
        )}
      </div>
      <PeopleTable people={page.items} sort={query.sort} onSort={(sort) => onChange({ sort })}
        selection={canEdit ? { selected, onChange: setSelected } : null} />
      {page.total > page.pageSize && (
        <Pagination label="People pages" page={page.page} pageSize={page.pageSize} total={page.total}
          onPage={(number) => onChange({ page: number })} />
      )}
      {moving && (
        <BulkMoveDialog people={shown} reference={reference} onClose={() => setMoving(false)}
          onDone={() => {
            setMoving(false);
            setSelected(new Set());
          }} />
      )}
    </>
  );
}
