// After planned hours moved (a reallocation, or its undo), everything that shows them
// or the deliverable's date reloads: the people and project grids (every window, so the
// touched weeks refresh wherever they are), assignments with their weekly hours (the
// project's people, a person's strip), and the deliverables' lists, calendar marks and
// histories. Queries on screen refetch at once; the rest when next shown.
import type { QueryClient } from '@tanstack/react-query';
import { PLANNING_KEY } from '../planning/useSaveQueue';

export const REFRESHED_AFTER_MOVE = [PLANNING_KEY, ['assignments'], ['deliverables']] as const;

export function refreshAfterMove(queryClient: QueryClient): void {
  for (const queryKey of REFRESHED_AFTER_MOVE) void queryClient.invalidateQueries({ queryKey });
}
