// Projects to staff: the filtered, sorted list page, one project, create and change
// (writes send If-Match), and the people who could join one, ranked by the server.
import { ApiError } from './errors';
import { api, read } from './http';
import type { components, operations } from './schema';
import { ifMatch } from './versioned';

export const PROJECT_STATUSES = ['planning', 'active', 'active_ca', 'on_hold', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A project; the schema types `status` as text, the server only sends these values. */
export type Project = Omit<components['schemas']['ProjectView'], 'status'> & { status: ProjectStatus };
export type ProjectChanges = Omit<Partial<components['schemas']['ProjectBody']>, 'status'> & { status?: ProjectStatus };
export type ProjectsPage = Omit<components['schemas']['ListPage_ProjectView'], 'items'> & { items: Project[] };
/** The projects list's query parameters, paging aside (the projects export takes the same). */
export type ProjectFilters = Omit<NonNullable<operations['projects_list']['parameters']['query']>, 'page' | 'pageSize'>;

export const PROJECT_SORTS = ['name', 'client', 'status', 'startDate', 'createdAt'] as const;
export type ProjectSortKey = (typeof PROJECT_SORTS)[number];
export type ProjectSort = ProjectSortKey | `-${ProjectSortKey}`;

export interface ProjectQuery {
  search: string;
  statuses: ProjectStatus[];
  client: string;
  /** Projects staffed from this department (an active assignment of an active person). */
  department: number | null;
  includeChildren: boolean;
  sort: ProjectSort;
  page: number;
}

export const PROJECTS_PAGE_SIZE = 100;

/** The list's filters and order as API query parameters (the projects export takes the same). */
export function projectFilterParams(filters: Omit<ProjectQuery, 'page'>): ProjectFilters {
  return {
    sort: filters.sort,
    ...(filters.statuses.length > 0 ? { status: filters.statuses.join(',') } : {}),
    ...(filters.client ? { client: filters.client } : {}),
    ...(filters.search ? { search: filters.search } : {}),
    ...(filters.department !== null ? { department: filters.department, includeChildren: filters.includeChildren } : {}),
  };
}

/** A project as the server sent it, its status checked against the ones the app knows. */
function knownProject(project: components['schemas']['ProjectView']): Project {
  const status = PROJECT_STATUSES.find((known) => known === project.status);
  if (!status) throw new ApiError({ status: 200, code: 'invalid_response', title: `The server sent an unknown project status "${project.status}"` });
  return { ...project, status };
}

export async function fetchProjects(filters: ProjectQuery, signal?: AbortSignal): Promise<ProjectsPage> {
  const query = { page: filters.page, pageSize: PROJECTS_PAGE_SIZE, ...projectFilterParams(filters) };
  const page = await read(api.GET('/api/projects', { params: { query }, signal: signal ?? null }));
  return { ...page, items: page.items.map(knownProject) };
}

export async function fetchProject(id: number, signal?: AbortSignal): Promise<Project> {
  return knownProject(await read(api.GET('/api/projects/{id}', { params: { path: { id } }, signal: signal ?? null })));
}

export async function createProject(project: ProjectChanges & { name: string }): Promise<Project> {
  return knownProject(await read(api.POST('/api/projects', { body: project })));
}

export async function updateProject(project: Project, changes: ProjectChanges): Promise<Project> {
  const call = api.PATCH('/api/projects/{id}', { params: { path: { id: project.id } }, headers: ifMatch(project.version), body: changes });
  return knownProject(await read(call));
}

export type Candidates = components['schemas']['CandidatesView'];
export type Candidate = components['schemas']['CandidateView'];

export interface CandidateQuery {
  /** The first week's Sunday. */
  start: string;
  /** 1 to 52. */
  weeks: number;
  /** Only people with at least one of these skills (none: everyone). */
  skills: readonly number[];
  department: number | null;
  includeChildren: boolean;
  search: string;
}

/** The server's largest answer; the dialog says when a search may have more. */
export const CANDIDATES_LIMIT = 200;

/** Active people not on the project: most matched skills first, then most free hours, then name. */
export function fetchCandidates(project: number, filters: CandidateQuery, signal?: AbortSignal): Promise<Candidates> {
  const query = {
    start: filters.start,
    weeks: filters.weeks,
    limit: CANDIDATES_LIMIT,
    ...(filters.skills.length > 0 ? { skills: filters.skills.join(',') } : {}),
    ...(filters.department !== null ? { department: filters.department, includeChildren: filters.includeChildren } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
  };
  return read(api.GET('/api/projects/{id}/candidates', { params: { path: { id: project }, query }, signal: signal ?? null }));
}
