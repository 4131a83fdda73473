// Test data for the analytics screens, shaped like the aggregate endpoints' answers over
// the window a request names, and a fetch stub that serves them by path.
import type { Dashboard, DepartmentRollup, Heatmap, MyWork, WorkloadForecast } from '../../api/analytics';
import { jsonResponse } from '../../test/render';
import { serveApi } from '../../test/peopleData';
import { currentWeek, weekRange } from '../../ui/weeks';

function weeksOf(url: URL): string[] {
  return weekRange(url.searchParams.get('start') ?? currentWeek(), Number(url.searchParams.get('weeks') ?? 12));
}

export function makeDashboard(weekKeys: string[]): Dashboard {
  const [first = '', second = ''] = weekKeys;
  return {
    weekKeys,
    summary: {
      people: 3,
      averageUtilization: 87.5,
      peak: { personId: 1, name: 'Ann Archer', week: second, percent: 130 },
      activeAssignments: 7,
      overAllocated: 1,
    },
    distribution: [
      { band: 'available', people: 1 },
      { band: 'optimal', people: 0 },
      { band: 'high', people: 1 },
      { band: 'over_allocated', people: 1 },
    ],
    team: { total: 3, rows: [] },
    mostAvailable: [{ id: 3, name: 'Cy Cole', departmentName: 'Civil', availableHours: 300, percent: 30 }],
    overAllocated: [{ id: 1, name: 'Ann Archer', departmentName: 'Civil', peakWeek: second, peakPercent: 130, overWeeks: 2 }],
    recentChanges: [
      { assignmentId: 9, personId: 1, personName: 'Ann Archer', projectId: 4, projectName: 'Bridge', changedAt: `${first}T09:00:00Z`, hours: 40 },
    ],
  };
}

export function makeHeatmap(weekKeys: string[], offset = 0, limit = 200): Heatmap {
  const row = (id: number, name: string, hours: number) => ({
    id,
    name,
    departmentId: 2,
    departmentName: 'Civil',
    capacity: 36,
    hours: weekKeys.map(() => hours),
    percent: weekKeys.map(() => (hours * 100) / 36),
    available: weekKeys.map(() => Math.max(0, 36 - hours)),
  });
  return { weekKeys, total: 2, offset, limit, rows: [row(1, 'Ann Archer', 45), row(3, 'Cy Cole', 9)] };
}

export function makeForecast(weekKeys: string[]): WorkloadForecast {
  return {
    weekKeys,
    weeks: weekKeys.map((week, index) => ({
      week,
      people: 3,
      capacity: 108,
      allocated: index === 1 ? 120 : 90,
      available: index === 1 ? 0 : 18,
      utilization: index === 1 ? 111.11 : 83.33,
      band: index === 1 ? 'over_allocated' : 'optimal',
      overAllocatedCount: index === 1 ? 1 : 0,
      overAllocated: index === 1 ? [{ id: 1, name: 'Ann Archer', percent: 130 }] : [],
    })),
    byRole: [
      { roleId: 5, roleName: 'Engineer', weeks: weekKeys.map((week) => ({ week, capacity: 72, allocated: 81, utilization: 112.5 })) },
      { roleId: null, roleName: null, weeks: weekKeys.map((week) => ({ week, capacity: 36, allocated: 9, utilization: 25 })) },
    ],
  };
}

export function makeRollup(weekKeys: string[]): DepartmentRollup {
  const load = (allocated: number) => weekKeys.map((week) => ({ week, capacity: 72, allocated, utilization: (allocated * 100) / 72 }));
  return {
    weekKeys,
    departments: [
      { id: 2, name: 'Civil', parentId: null, depth: 0, people: 2, weeks: load(81) },
      { id: 6, name: 'Bridges', parentId: 2, depth: 1, people: 1, weeks: load(36) },
    ],
  };
}

export function makeMyWork(weekKeys: string[]): MyWork {
  const [first = '', second = ''] = weekKeys;
  return {
    person: { id: 1, name: 'Ann Archer', capacity: 36 },
    weekKeys,
    weeks: weekKeys.map((week, index) => ({
      week,
      allocated: index === 1 ? 45 : 27,
      capacity: 36,
      percent: index === 1 ? 125 : 75,
      band: index === 1 ? 'over_allocated' : 'optimal',
    })),
    projects: [{ id: 4, name: 'Bridge', status: 'active', total: 120, hours: weekKeys.map((_, index) => (index < 4 ? 30 : 0)) }],
    deliverables: [{ id: 8, projectId: 4, projectName: 'Bridge', description: 'Design review', date: first }],
    alerts: [
      { kind: 'over_allocated', week: second, message: 'You are over capacity in the week of this test: 45 of 36 hours.' },
      { kind: 'deliverable_soon', week: null, message: 'Bridge: Design review is due soon.' },
    ],
  };
}

/** Serves every aggregate from the makers above; `handlers` answer first. */
export function serveAnalytics(...handlers: Parameters<typeof serveApi>) {
  return serveApi(...handlers, (url) => {
    const weekKeys = weeksOf(url);
    switch (url.pathname) {
      case '/api/dashboard':
        return jsonResponse(makeDashboard(weekKeys));
      case '/api/people/capacity-heatmap':
        return jsonResponse(makeHeatmap(weekKeys, Number(url.searchParams.get('offset')), Number(url.searchParams.get('limit'))));
      case '/api/people/workload-forecast':
        return jsonResponse(makeForecast(weekKeys));
      case '/api/departments/rollup':
        return jsonResponse(makeRollup(weekKeys));
      case '/api/me/work':
        return jsonResponse(makeMyWork(weekKeys));
      default:
        return undefined;
    }
  });
}
