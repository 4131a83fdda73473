// The people grid's data a page at a time. The first page (kept while the next window
// loads) says how many people there are; the pages under the rows in view load as they
// scroll in (and stay); a page loads with the rows of its expanded people, and a person
// expanded later has their rows loaded into their page, several people per request.
// Pages are plain GridData entries under GRID_KEY, so the save queue, undo and "Add
// project" update the page holding a row like any cached grid.
import { keepPreviousData, useQueries, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { fetchGridPage, fetchGridRows, type GridData, type GridQuery } from '../../api/planning';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { groupAssignments, type GridRow } from './gridModel';
import { buildPagedRows, mergePages, PAGE_SIZE, pagesInView, rowsWanted, withRows } from './gridPages';
import type { GridDataResult } from './gridView';
import type { PlanningParams } from '../../shared/links/planningParams';
import { gridQuery, useHoursLookup } from './useGridData';
import { GRID_KEY } from './useSaveQueue';

function pageKey(query: GridQuery, offset: number): QueryKey {
  return [...GRID_KEY, query, offset];
}

/** The page at `offset`, with the rows of those of its people who are `open`. */
async function loadPage(query: GridQuery, offset: number, open: ReadonlySet<number>, signal: AbortSignal): Promise<GridData> {
  const page = await fetchGridPage(query, offset, PAGE_SIZE, signal);
  const wanted = rowsWanted(page, open);
  return wanted.length === 0 ? page : withRows(page, wanted, await fetchGridRows(query, wanted, signal));
}

const pagesData = (results: readonly { data?: GridData | undefined }[]) => results.map((result) => result.data);

export function usePeopleGridData(params: PlanningParams, plansAll: boolean): GridDataResult<GridData, GridRow> {
  const query = gridQuery(params);
  const hash = JSON.stringify(query);
  const openKey = params.open.join(',');
  const open = useMemo(() => new Set(openKey ? openKey.split(',').map(Number) : []), [openKey]);
  // A page read later (scrolled to, reloaded) brings the rows of whoever is open then.
  const openRef = useRef(open);
  useLayoutEffect(() => {
    openRef.current = open;
  }, [open]);

  const first = useQuery({
    queryKey: pageKey(query, 0),
    queryFn: ({ signal }) => loadPage(query, 0, openRef.current, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
  const [wanted, setWanted] = useState<{ hash: string; pages: readonly number[] }>({ hash, pages: [] });
  const placeholder = first.isPlaceholderData;
  const total = placeholder ? 0 : (first.data?.total ?? 0);
  const later = (wanted.hash === hash ? wanted.pages : []).filter((page) => page > 0 && page * PAGE_SIZE < total);
  const rest = useQueries({
    queries: later.map((page) => ({
      queryKey: pageKey(query, page * PAGE_SIZE),
      queryFn: ({ signal }: { signal: AbortSignal }) => loadPage(query, page * PAGE_SIZE, openRef.current, signal),
      refetchOnWindowFocus: false,
    })),
    // Memoized by TanStack Query: the same array until a page changes.
    combine: pagesData,
  });
  const pages = useMemo(() => [first.data, ...rest], [first.data, rest]);
  useExpandedRows(query, placeholder ? [] : pages, open);

  const merged = useMemo(() => mergePages(pages), [pages]);
  const byPerson = useMemo(() => groupAssignments(merged?.assignments ?? [], (row) => row.person), [merged]);
  const rows = useMemo(() => buildPagedRows(merged, byPerson, open, plansAll), [merged, byPerson, open, plansAll]);
  const data = useMemo(
    (): GridData | undefined =>
      merged && {
        weekKeys: merged.weekKeys,
        total: merged.total,
        offset: 0,
        limit: merged.total,
        people: merged.slots.filter((person) => person !== undefined),
        hoursByPerson: merged.hoursByPerson,
        assignments: merged.assignments,
        rowsOf: [...merged.rowsLoaded],
      },
    [merged],
  );

  // Asking again for pages already wanted changes nothing (the same state, no render).
  const onRange = (start: number, end: number) => {
    if (placeholder) return;
    const needed = pagesInView(rows, start, end);
    setWanted((current) => {
      const have = current.hash === hash ? current.pages : [];
      return needed.every((page) => have.includes(page)) ? current : { hash, pages: [...new Set([...have, ...needed])] };
    });
  };

  return {
    grid: { data, isPending: first.isPending, error: first.error, refetch: () => void first.refetch() },
    rows,
    ...useHoursLookup(data?.assignments, (row) => row.person),
    onRange,
  };
}

/**
 * Loads the rows of people expanded after their page loaded, one request per page, into
 * that page; a failure is a toast, and the rows stay a placeholder until expanded again.
 */
function useExpandedRows(query: GridQuery, pages: readonly (GridData | undefined)[], open: ReadonlySet<number>) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const loading = useRef(new Set<string>());
  const hash = JSON.stringify(query);
  useEffect(() => {
    for (const page of pages) {
      if (!page) continue;
      const wanted = rowsWanted(page, open).filter((id) => !loading.current.has(`${hash}:${id}`));
      if (wanted.length === 0) continue;
      const marks = wanted.map((id) => `${hash}:${id}`);
      marks.forEach((mark) => loading.current.add(mark));
      fetchGridRows(query, wanted)
        .then((rows) => queryClient.setQueryData<GridData>(pageKey(query, page.offset), (old) => old && withRows(old, wanted, rows)))
        .catch((error: unknown) => toast(`Could not load the projects: ${errorMessage(error)}`, 'error'))
        .finally(() => marks.forEach((mark) => loading.current.delete(mark)));
    }
    // The query is in `hash` (a new object each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hash, open, pages, queryClient, toast]);
}
