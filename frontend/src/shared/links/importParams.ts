// The import screen's state in the query string: ?kind=people|projects (people when
// absent), the options (&update=1, &skip=1) and ?job=<id>, the import being looked at
// (a check or a real run), so a reload or a shared link shows the same preview or
// result. Read and written by pure functions; unknown values are dropped.
import { IMPORT_KINDS, type ImportKind } from '../../api/imports';

export interface ImportParams {
  kind: ImportKind;
  /** "Update existing rows": rows matching stored ones update them. */
  updateExisting: boolean;
  /** "Skip bad rows": rows with errors are left out and the rest imported. */
  skipBadRows: boolean;
  /** The import job shown (its progress, then its preview or result). */
  job: number | null;
}

function positive(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

export function readImportParams(params: URLSearchParams): ImportParams {
  const kind = params.get('kind');
  return {
    kind: (IMPORT_KINDS as readonly (string | null)[]).includes(kind) ? (kind as ImportKind) : 'people',
    updateExisting: params.get('update') === '1',
    skipBadRows: params.get('skip') === '1',
    job: positive(params.get('job')),
  };
}

export function writeImportParams(value: ImportParams): URLSearchParams {
  const params = new URLSearchParams({ kind: value.kind });
  if (value.updateExisting) params.set('update', '1');
  if (value.skipBadRows) params.set('skip', '1');
  if (value.job !== null) params.set('job', String(value.job));
  return params;
}

/** Where the empty states send people who may import: `/import?kind=people`. */
export function importPath(kind: ImportKind): string {
  return `/import?kind=${kind}`;
}
