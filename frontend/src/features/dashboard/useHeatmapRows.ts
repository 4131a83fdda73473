// The capacity heatmap's people, fetched a page at a time (200 people x the window's
// weeks) as the reader scrolls, so 5,000 people never arrive in one answer.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchHeatmap, type AnalyticsWindow, type HeatmapRow, type HeatmapSort } from '../../api/analytics';
import { queryKeys } from '../../api/queryKeys';

export const HEATMAP_PAGE = 200;

export interface HeatmapRows {
  weekKeys: string[];
  rows: HeatmapRow[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/** The people loaded so far (null until the first page), or why they could not be. */
export function useHeatmapRows(window: AnalyticsWindow, sort: HeatmapSort): { heatmap: HeatmapRows | null; error: unknown } {
  const query = useInfiniteQuery({
    queryKey: queryKeys.analytics.heatmap(window, sort),
    queryFn: ({ pageParam, signal }) => fetchHeatmap(window, { offset: pageParam, limit: HEATMAP_PAGE, sort }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.rows.length;
      return last.rows.length > 0 && next < last.total ? next : undefined;
    },
  });
  const { data, error, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const rows = useMemo(() => data?.pages.flatMap((page) => page.rows) ?? [], [data]);
  if (!data) return { heatmap: null, error };
  const first = data.pages[0];
  const heatmap: HeatmapRows = {
    weekKeys: first?.weekKeys ?? [],
    rows,
    total: first?.total ?? 0,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
  };
  return { heatmap, error };
}
