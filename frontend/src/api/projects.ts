// Projects to staff: the filtered, sorted list page, one project, create and change
// (writes send If-Match), and the people who could join one, ranked by the server.
import { apiFetch } from './client';
import type { components } from './schema';
import type { Page } from './types';
import { ifMatch } from './versioned';

export const PROJECT_STATUSES = ['planning', 'active', 'active_ca', 'on_hold', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Project {
  id: number;
  name: string;
  projectNumber: string | null;
  client: string;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  estimatedHours: number | null;
  description: string;
  notes: string;
  isActive: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectChanges {
  name?: string;
  projectNumber?: string | null;
  client?: string;
  status?: ProjectStatus;
  startDate?: string | null;
  endDate?: string | null;
  estimatedHours?: number | null;
  description?: string;
  notes?: string;
  isActive?: boolean;
}

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
export function projectFilterParams(filters: Omit<ProjectQuery, 'page'>): URLSearchParams {
  const query = new URLSearchParams({ sort: filters.sort });
  if (filters.statuses.length > 0) query.set('status', filters.statuses.join(','));
  if (filters.client) query.set('client', filters.client);
  if (filters.search) query.set('search', filters.search);
  if (filters.department !== null) {
    query.set('department', String(filters.department));
    query.set('includeChildren', String(filters.includeChildren));
  }
  return query;
}

export function fetchProjects(filters: ProjectQuery, signal?: AbortSignal): Promise<Page<Project>> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(PROJECTS_PAGE_SIZE) });
  for (const [key, value] of projectFilterParams(filters)) query.set(key, value);
  return apiFetch<Page<Project>>(`/projects?${query.toString()}`, signal ? { signal } : {});
}

export function fetchProject(id: number, signal?: AbortSignal): Promise<Project> {
  return apiFetch<Project>(`/projects/${id}`, signal ? { signal } : {});
}

export function createProject(project: ProjectChanges & { name: string }): Promise<Project> {
  return apiFetch<Project>('/projects', { method: 'POST', json: project });
}

export function updateProject(project: Project, changes: ProjectChanges): Promise<Project> {
  return apiFetch<Project>(`/projects/${project.id}`, { method: 'PATCH', headers: ifMatch(project.version), json: changes });
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
  const query = new URLSearchParams({ start: filters.start, weeks: String(filters.weeks), limit: String(CANDIDATES_LIMIT) });
  if (filters.skills.length > 0) query.set('skills', filters.skills.join(','));
  if (filters.department !== null) {
    query.set('department', String(filters.department));
    query.set('includeChildren', String(filters.includeChildren));
  }
  if (filters.search.trim()) query.set('search', filters.search.trim());
  return apiFetch<Candidates>(`/projects/${project}/candidates?${query.toString()}`, signal ? { signal } : {});
}
