// The people grid a page at a time, pure: which pages the rows in view need, the pages
// loaded so far merged into one grid (people by position, totals, the rows loaded), the
// rows with a placeholder for each person not loaded yet and for expanded people whose
// rows are on their way, and a page after some people's rows arrive.
import type { GridAssignment, GridData, GridPerson } from '../../api/planning';
import type { GridRow } from './gridModel';

/** People per request: a screenful and some. */
export const PAGE_SIZE = 100;

/** The page holding the person at `position` (0-based, in the grid's order). */
export function pageOf(position: number, pageSize = PAGE_SIZE): number {
  return Math.floor(position / pageSize);
}

/** The pages holding the placeholders among `rows[start..end)`. */
export function pagesInView(rows: readonly GridRow[], start: number, end: number, pageSize = PAGE_SIZE): number[] {
  const pages = new Set<number>();
  for (const row of rows.slice(start, end)) if (row.kind === 'pending' && row.position !== undefined) pages.add(pageOf(row.position, pageSize));
  return [...pages].sort((a, b) => a - b);
}

/** The loaded pages as one grid: `people[i]` is the person at position `offset + i` of a page, or undefined. */
export interface PagedGrid {
  weekKeys: string[];
  total: number;
  /** By position; a hole where the page is not loaded. */
  slots: (GridPerson | undefined)[];
  hoursByPerson: GridData['hoursByPerson'];
  assignments: GridAssignment[];
  /** People whose rows are loaded. */
  rowsLoaded: ReadonlySet<number>;
}

export function mergePages(pages: readonly (GridData | undefined)[]): PagedGrid | undefined {
  const first = pages[0];
  if (!first) return undefined;
  const slots: (GridPerson | undefined)[] = new Array<GridPerson | undefined>(first.total).fill(undefined);
  const hoursByPerson: GridData['hoursByPerson'] = {};
  const assignments: GridAssignment[] = [];
  const rowsLoaded = new Set<number>();
  for (const page of pages) {
    // A page of another window (kept while the next one loads) would not line up.
    if (!page || page.total !== first.total || page.weekKeys[0] !== first.weekKeys[0]) continue;
    page.people.forEach((person, i) => {
      if (page.offset + i < slots.length) slots[page.offset + i] = person;
    });
    Object.assign(hoursByPerson, page.hoursByPerson);
    assignments.push(...(page.assignments ?? []));
    for (const id of page.rowsOf ?? []) rowsLoaded.add(id);
  }
  return { weekKeys: first.weekKeys, total: first.total, slots, hoursByPerson, assignments, rowsLoaded };
}

/**
 * The rows: each person (a placeholder until their page loads), and under the expanded
 * ones their assignments and, for planners, "Add project" (a placeholder until their
 * rows load).
 */
export function buildPagedRows(
  grid: PagedGrid | undefined,
  byPerson: ReadonlyMap<number, GridAssignment[]>,
  open: ReadonlySet<number>,
  canEdit: boolean,
): GridRow[] {
  if (!grid) return [];
  const rows: GridRow[] = [];
  grid.slots.forEach((person, position) => {
    if (!person) {
      rows.push({ kind: 'pending', key: `x${position}`, position });
      return;
    }
    const loaded = grid.rowsLoaded.has(person.id);
    const assignments = byPerson.get(person.id) ?? [];
    const expanded = open.has(person.id);
    rows.push({ kind: 'person', key: `p${person.id}`, person, expanded, assignmentCount: loaded ? assignments.length : person.assignmentCount });
    if (!expanded) return;
    if (!loaded) {
      rows.push({ kind: 'pending', key: `r${person.id}` });
      return;
    }
    for (const assignment of assignments) rows.push({ kind: 'assignment', key: `a${assignment.id}`, person, assignment });
    if (canEdit) rows.push({ kind: 'add', key: `n${person.id}`, person });
  });
  return rows;
}

/** The open people of `page` whose rows it does not hold yet. */
export function rowsWanted(page: GridData, open: ReadonlySet<number>): number[] {
  const loaded = new Set(page.rowsOf ?? []);
  return page.people.filter((person) => open.has(person.id) && !loaded.has(person.id)).map((person) => person.id);
}

/**
 * `page` with `people`'s rows as just loaded. A row the page already holds at a newer
 * version (a save answered meanwhile) is kept.
 */
export function withRows(page: GridData, people: readonly number[], rows: readonly GridAssignment[]): GridData {
  const theirs = new Set(people);
  const held = new Map((page.assignments ?? []).map((row) => [row.id, row]));
  const fresh = rows.map((row) => {
    const mine = held.get(row.id);
    return mine && mine.version > row.version ? mine : row;
  });
  const others = (page.assignments ?? []).filter((row) => !theirs.has(row.person));
  return { ...page, assignments: [...others, ...fresh], rowsOf: [...new Set([...(page.rowsOf ?? []), ...people])] };
}
