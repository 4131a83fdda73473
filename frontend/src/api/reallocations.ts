// A deliverable's hour reallocations: the `reallocation` a date change answers (the job
// moving the planned hours and, when it ended within the wait, its summary), undoing
// the latest one, and the audited history. Types come from the routes' generated
// answers, so they follow the server's OpenAPI document.
import { apiFetch } from './client';
import type { DeliverableSaved } from './deliverables';
import type { paths } from './schema';

/** The JSON body of an operation's 200 answer. */
type Ok<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;

export type Reallocation = NonNullable<DeliverableSaved['reallocation']>;
/** What the hours move did: the job's result, or `reallocation` when it ended in time. */
export type MoveSummary = Pick<Reallocation, 'deltaWeeks' | 'assignmentsChanged' | 'touchedWeekKeys'>;
export type UndoAnswer = Ok<paths['/api/deliverables/{id}/reallocation/undo']['post']>;
export type ReallocationRecord = Ok<paths['/api/deliverables/{id}/reallocations']['get']>[number];

/** Puts back the hours (and with `revertDate` the date) of the deliverable's latest reallocation. */
export function undoReallocation(id: number, revertDate: boolean): Promise<UndoAnswer> {
  return apiFetch<UndoAnswer>(`/deliverables/${id}/reallocation/undo`, { method: 'POST', json: { revertDate } });
}

/** The deliverable's reallocations, newest first as the audit keeps them. */
export function fetchReallocations(id: number, signal?: AbortSignal): Promise<ReallocationRecord[]> {
  return apiFetch<ReallocationRecord[]>(`/deliverables/${id}/reallocations`, signal ? { signal } : {});
}
