// GET /api/assignments/project-grid: projects x weeks in one request, each project's
// weekly totals and (include=assignments) the people on it with their hours. Same
// window and filters as the people grid, but the search matches a project's name,
// number or client, and a department keeps the projects, people and hours staffed
// from it. Hours are written through PATCH /api/assignments/hours like the people grid.
import { api, read } from '../../../api/http';
import { gridQuery, type GridQuery } from '../../../api/planning';
import type { components } from '../../../api/schema';

export type ProjectGridData = components['schemas']['ProjectGridView'];
export type GridProject = components['schemas']['GridProjectView'];
/** One person's assignment under a project. */
export type ProjectAssignment = components['schemas']['ProjectRowView'];

export function fetchProjectGrid(query: GridQuery, signal?: AbortSignal): Promise<ProjectGridData> {
  return read(api.GET('/api/assignments/project-grid', { params: { query: gridQuery(query) }, signal: signal ?? null }));
}
