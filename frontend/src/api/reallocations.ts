// A deliverable's hour reallocations: the `reallocation` a date change answers (the job
// moving the planned hours and, when it ended within the wait, its summary), undoing
// the latest one, and the audited history. Typed from the generated OpenAPI schema.
import { api, read } from './http';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Reallocation = Schemas['ReallocationView'];
/** What the hours move did: the job's result, or `reallocation` when it ended in time. */
export type MoveSummary = Pick<Reallocation, 'deltaWeeks' | 'assignmentsChanged' | 'touchedWeekKeys' | 'capped'>;
export type UndoAnswer = Schemas['UndoView'];
export type ReallocationRecord = Schemas['ReallocationRecordView'];

/** Puts back the hours (and with `revertDate` the date) of the deliverable's latest reallocation. */
export function undoReallocation(id: number, revertDate: boolean): Promise<UndoAnswer> {
  return read(api.POST('/api/deliverables/{id}/reallocation/undo', { params: { path: { id } }, body: { revertDate } }));
}

/** The deliverable's reallocations, newest first as the audit keeps them. */
export function fetchReallocations(id: number, signal?: AbortSignal): Promise<ReallocationRecord[]> {
  return read(api.GET('/api/deliverables/{id}/reallocations', { params: { path: { id } }, signal: signal ?? null }));
}
