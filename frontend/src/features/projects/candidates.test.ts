// Ranking candidates for a project by free hours over the chosen weeks.
import { describe, expect, it } from 'vitest';
import type { GridTotals } from '../../api/assignments';
import { rankCandidates } from './candidates';

const grid: GridTotals = {
  weekKeys: ['2026-01-04', '2026-01-11', '2026-01-18'],
  people: [
    { id: 1, name: 'Busy Bea', weeklyCapacity: 36, department: 1, departmentName: 'Civil' },
    { id: 2, name: 'Free Finn', weeklyCapacity: 36, department: 2, departmentName: 'Design' },
    { id: 3, name: 'Part-time Pat', weeklyCapacity: 20, department: null, departmentName: null },
    { id: 4, name: 'Already Al', weeklyCapacity: 40, department: 1, departmentName: 'Civil' },
  ],
  hoursByPerson: {
    '1': { '2026-01-04': 40, '2026-01-11': 36, '2026-01-18': 36 },
    '2': { '2026-01-04': 4 },
    '3': { '2026-01-18': 10 },
  },
};

describe('rankCandidates', () => {
  it('sorts by free hours in the chosen weeks only, most free first, leaving out people on the project', () => {
    const ranked = rankCandidates(grid, ['2026-01-04', '2026-01-11'], new Set([4]));
    expect(ranked.map(({ name, free }) => [name, free])).toEqual([
      ['Free Finn', 68],
      ['Part-time Pat', 40],
      ['Busy Bea', -4],
    ]);
    expect(ranked[0]).toMatchObject({ departmentName: 'Design', capacity: 72, planned: 4 });
  });

  it('breaks ties by name', () => {
    const tied = { ...grid, hoursByPerson: {} };
    expect(rankCandidates(tied, ['2026-01-04'], new Set([3, 4])).map((candidate) => candidate.name)).toEqual([
      'Busy Bea',
      'Free Finn',
    ]);
  });
});
