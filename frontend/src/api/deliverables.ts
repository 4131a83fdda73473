// A project's deliverables (dated milestones, in the project's order): the list, create,
// change and delete (writes send If-Match), and the project-wide reorder.
import { api, read } from './http';
import type { components } from './schema';
import { ifMatch } from './versioned';

export type Deliverable = components['schemas']['DeliverableView'];
/** A change's answer: the deliverable, plus `reallocation` when its date moved (see reallocations.ts). */
export type DeliverableSaved = components['schemas']['DeliverableUpdated'];

/** The fields a person edits; the server sets `completedDate` when `isCompleted` turns on. */
export interface DeliverableChanges {
  description?: string;
  /** A whole number from 0 to 100, or null for none. */
  percentage?: number | null;
  /** YYYY-MM-DD, or null for undated. */
  date?: string | null;
  isCompleted?: boolean;
  notes?: string;
}

export function fetchDeliverables(project: number, signal?: AbortSignal): Promise<Deliverable[]> {
  return read(api.GET('/api/deliverables', { params: { query: { project } }, signal: signal ?? null }));
}

/** Adds a deliverable at the end of the project's order. */
export function createDeliverable(project: number, fields: DeliverableChanges): Promise<Deliverable> {
  return read(api.POST('/api/deliverables', { body: { ...fields, project } }));
}

/**
 * Saves changes. With `waitSeconds` (a date change) the server holds the answer until
 * the planned hours the move shifts have moved, or the wait is over.
 */
export function updateDeliverable(deliverable: Deliverable, changes: DeliverableChanges, waitSeconds?: number): Promise<DeliverableSaved> {
  return read(
    api.PATCH('/api/deliverables/{id}', {
      params: { path: { id: deliverable.id } },
      headers: { ...ifMatch(deliverable.version), ...(waitSeconds ? { Prefer: `wait=${waitSeconds}` } : {}) },
      body: changes,
    }),
  );
}

/** The deliverable of a change's answer, without the reallocation it may have started. */
export function deliverableOf(saved: DeliverableSaved): Deliverable {
  const deliverable = { ...saved };
  delete deliverable.reallocation;
  return deliverable;
}

export function deleteDeliverable(deliverable: Deliverable): Promise<void> {
  return read(api.DELETE('/api/deliverables/{id}', { params: { path: { id: deliverable.id } }, headers: ifMatch(deliverable.version) }));
}

/** Saves a new order (every deliverable of the project once); answers the list in that order. */
export function reorderDeliverables(project: number, order: readonly number[]): Promise<Deliverable[]> {
  return read(api.POST('/api/projects/{id}/deliverables/reorder', { params: { path: { id: project } }, body: { order: [...order] } }));
}
