// What reloads after hours moved: the grids whose window holds a touched week (all of
// them when the weeks are unknown), never the project search; every assignments and
// deliverables query.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refreshAfterMove, showsAnyWeek } from './refreshPlanning';

const grid = (start: string) => ['planning', 'grid', { start, weeks: 4, search: '' }];
const projectGrid = (start: string) => ['planning', 'project-grid', { start, weeks: 4, search: '' }];

function cached() {
  const queryClient = new QueryClient();
  for (const key of [grid('2027-03-07'), grid('2027-04-04'), projectGrid('2027-02-07'), ['planning', 'projects', 'bri'],
    ['assignments', { project: 4 }], ['deliverables', 'calendar', '2027-03-07', '2027-04-03']]) {
    queryClient.setQueryData(key, {});
  }
  const stale = () => queryClient.getQueryCache().findAll().filter((query) => query.state.isInvalidated).map((query) => query.queryKey);
  return { queryClient, stale };
}

describe('refreshAfterMove', () => {
  it('tells whether a window shows a week', () => {
    const window = { start: '2027-03-07', weeks: 4 };
    expect(showsAnyWeek(window, ['2027-03-28'])).toBe(true);
    expect(showsAnyWeek(window, ['2027-04-04', '2027-02-28'])).toBe(false);
  });

  it('reloads only the grids showing a touched week', () => {
    const { queryClient, stale } = cached();
    refreshAfterMove(queryClient, ['2027-03-14', '2027-03-28']);
    expect(stale()).toEqual([grid('2027-03-07'), ['assignments', { project: 4 }], ['deliverables', 'calendar', '2027-03-07', '2027-04-03']]);
  });

  it('reloads every grid when the touched weeks are not known', () => {
    const { queryClient, stale } = cached();
    refreshAfterMove(queryClient);
    expect(stale()).toHaveLength(5);
    expect(stale()).not.toContainEqual(['planning', 'projects', 'bri']);
  });
});
