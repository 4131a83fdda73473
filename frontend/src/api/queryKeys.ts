// Every TanStack Query key the app caches under, in one place. Keys nest: invalidating a
// prefix (say `queryKeys.people.all`) refreshes everything below it, so each resource
// starts with its own root and the screens build on these instead of writing keys inline.
import type { AnalyticsWindow, HeatmapSort } from './analytics';
import type { CandidateQuery, ProjectQuery } from './projects';
import type { PeopleQuery } from './people';
import type { UserFilters } from './users';

const ANALYTICS = ['analytics'] as const;
const ASSIGNMENTS = ['assignments'] as const;
const AUDIT = ['audit'] as const;
const BACKUPS = ['backups'] as const;
const DELIVERABLES = ['deliverables'] as const;
const DEPARTMENTS = ['departments'] as const;
const JOBS = ['jobs'] as const;
const PEOPLE = ['people'] as const;
const PLANNING = ['planning'] as const;
const PROJECTS = ['projects'] as const;
const ROLES = ['roles'] as const;
const SKILLS = ['skills'] as const;
const USERS = ['users'] as const;

export const queryKeys = {
  analytics: {
    all: ANALYTICS,
    dashboard: (window: AnalyticsWindow) => [...ANALYTICS, 'dashboard', window] as const,
    forecast: (window: AnalyticsWindow) => [...ANALYTICS, 'forecast', window] as const,
    rollup: (window: AnalyticsWindow) => [...ANALYTICS, 'rollup', window] as const,
    myWork: (window: Pick<AnalyticsWindow, 'start' | 'weeks'>) => [...ANALYTICS, 'myWork', window] as const,
    heatmap: (window: AnalyticsWindow, sort: HeatmapSort) => [...ANALYTICS, 'heatmap', window, sort] as const,
  },
  assignments: {
    all: ASSIGNMENTS,
    ofProject: (project: number) => [...ASSIGNMENTS, 'project', project] as const,
  },
  audit: { all: AUDIT, page: (page: number) => [...AUDIT, page] as const },
  backups: { all: BACKUPS, restore: [...BACKUPS, 'restore'] as const },
  deliverables: {
    all: DELIVERABLES,
    ofProject: (project: number) => [...DELIVERABLES, 'project', project] as const,
    calendar: [...DELIVERABLES, 'calendar'] as const,
    calendarRange: (start: string | undefined, end: string | undefined) => [...DELIVERABLES, 'calendar', start, end] as const,
    reallocations: (deliverable: number) => [...DELIVERABLES, 'reallocations', deliverable] as const,
  },
  departments: { all: DEPARTMENTS, list: [...DEPARTMENTS, 'all'] as const },
  health: ['health'] as const,
  jobs: {
    all: JOBS,
    views: [...JOBS, 'view'] as const,
    stats: [...JOBS, 'stats'] as const,
    schedules: [...JOBS, 'schedules'] as const,
    export: (id: number | null) => [...JOBS, 'export', id] as const,
    import: (id: number | null) => [...JOBS, 'import', id] as const,
  },
  me: ['me'] as const,
  people: {
    all: PEOPLE,
    list: (query: PeopleQuery) => [...PEOPLE, 'list', query] as const,
    overview: (id: number) => [...PEOPLE, 'overview', id] as const,
    choices: [...PEOPLE, 'choices'] as const,
    choice: (id: number) => [...PEOPLE, id] as const,
    search: (text: string) => [...PEOPLE, 'search', text] as const,
  },
  planning: {
    all: PLANNING,
    grid: [...PLANNING, 'grid'] as const,
    projectGrid: [...PLANNING, 'project-grid'] as const,
    projectSearch: (search: string) => [...PLANNING, 'projects', search] as const,
  },
  projects: {
    all: PROJECTS,
    list: (query: ProjectQuery) => [...PROJECTS, 'list', query] as const,
    detail: (id: number) => [...PROJECTS, 'detail', id] as const,
    candidatesOf: (project: number) => [...PROJECTS, 'candidates', project] as const,
    candidates: (project: number, filters: CandidateQuery) => [...PROJECTS, 'candidates', project, filters] as const,
  },
  roles: {
    all: ROLES,
    list: (filters: { search: string; page: number }) => [...ROLES, filters] as const,
  },
  skills: { all: SKILLS, ofPerson: (person: number) => [...SKILLS, 'person', person] as const },
  users: { all: USERS, list: (filters: UserFilters) => [...USERS, filters] as const },
  utilizationBands: ['utilization', 'bands'] as const,
};
