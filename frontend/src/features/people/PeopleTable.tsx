// The people table: sortable headers, one row per person (virtualized: only the rows
// in view are in the page), and for managers a checkbox per row plus "select all".
import { ScopedLink } from '../../shared/departmentScope/ScopedLink';
import type { PeopleSort, PeopleSortKey, Person } from '../../api/people';
import { formatHours } from '../../ui/weeks';
import { SortHeader } from '../../ui/SortHeader';
import { SpacerRow } from '../../ui/SpacerRow';
import { useVirtualList } from '../../ui/useVirtualList';

/** Must match the row height in people.css. */
const ROW_HEIGHT = 36;

interface Props {
  people: Person[];
  sort: PeopleSort;
  onSort: (sort: PeopleSort) => void;
  /** Null for people who cannot select (read-only). */
  selection: { selected: ReadonlySet<number>; onChange: (selected: Set<number>) => void } | null;
}

export function PeopleTable({ people, sort, onSort, selection }: Props) {
  const { ref, start, end, padTop, padBottom } = useVirtualList<HTMLDivElement>({ count: people.length, rowHeight: ROW_HEIGHT });
  const columns = selection ? 7 : 6;
  const allSelected = selection !== null && people.length > 0 && people.every((person) => selection.selected.has(person.id));

  function toggle(id: number, on: boolean) {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  }

  return (
    <div className="people-scroll" ref={ref}>
      <table className="data-table people-table" aria-rowcount={people.length + 1}>
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="people-table__check">
                <input type="checkbox" aria-label="Select all people in the list" checked={allSelected}
                  onChange={(event) => selection.onChange(new Set(event.target.checked ? people.map((person) => person.id) : []))} />
              </th>
            )}
            <SortHeader<PeopleSortKey> column="name" sort={sort} onSort={onSort}>Name</SortHeader>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <SortHeader<PeopleSortKey> column="department" sort={sort} onSort={onSort}>Department</SortHeader>
            <SortHeader<PeopleSortKey> column="weeklyCapacity" sort={sort} onSort={onSort} className="num">Capacity</SortHeader>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={padTop} columns={columns} />
          {people.slice(start, end).map((person, index) => (
            <tr key={person.id} aria-rowindex={start + index + 2} className={person.isActive ? undefined : 'is-inactive'}>
              {selection && (
                <td className="people-table__check">
                  <input type="checkbox" aria-label={`Select ${person.name}`} checked={selection.selected.has(person.id)}
                    onChange={(event) => toggle(person.id, event.target.checked)} />
                </td>
              )}
              <th scope="row"><ScopedLink to={`/people/${person.id}`}>{person.name}</ScopedLink></th>
              <td>{person.email ?? ''}</td>
              <td>{person.roleName ?? ''}</td>
              <td>{person.departmentName ?? ''}</td>
              <td className="num">{formatHours(person.weeklyCapacity)} h</td>
              <td>{person.isActive ? 'Active' : <span className="tag">Inactive</span>}</td>
            </tr>
          ))}
          <SpacerRow height={padBottom} columns={columns} />
        </tbody>
      </table>
    </div>
  );
}
