// Projects to staff: the filtered, sorted list page, one project, create and change
// (writes send If-Match).
import { apiFetch } from './client';
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
  sort: ProjectSort;
  page: number;
}

export const PROJECTS_PAGE_SIZE = 100;

export function fetchProjects(filters: ProjectQuery, signal?: AbortSignal): Promise<Page<Project>> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(PROJECTS_PAGE_SIZE), sort: filters.sort });
  if (filters.statuses.length > 0) query.set('status', filters.statuses.join(','));
  if (filters.client) query.set('client', filters.client);
  if (filters.search) query.set('search', filters.search);
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
