// The global department filter in the query string (?department=3&sub=0), read and
// written by pure functions. Every page reads these same two names; sub-departments
// are included unless sub=0. Changing the scope also drops the params that depend on
// it: a list's page number and the departments page's open department. Links add the
// current scope to their target unless it names its own.
export interface DepartmentScope {
  department: number | null;
  includeChildren: boolean;
}

export const NO_SCOPE: DepartmentScope = { department: null, includeChildren: true };

/** A page number past the end of a narrower list, or a department the scope replaces. */
const RESET_ON_CHANGE = ['page', 'selected'] as const;

function positiveId(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

export function readScope(query: URLSearchParams): DepartmentScope {
  return { department: positiveId(query.get('department')), includeChildren: query.get('sub') !== '0' };
}

/** `department` and `sub` for a scope, or nothing when every department is shown. */
export function scopeEntries(scope: DepartmentScope): [string, string][] {
  if (scope.department === null) return [];
  return [
    ['department', String(scope.department)],
    ['sub', scope.includeChildren ? '1' : '0'],
  ];
}

/** `query` with `scope` in place of its current one; other params are kept. */
export function applyScope(query: URLSearchParams, scope: DepartmentScope): URLSearchParams {
  const next = new URLSearchParams(query);
  const before = readScope(query);
  if (before.department !== scope.department || before.includeChildren !== scope.includeChildren) {
    for (const key of RESET_ON_CHANGE) next.delete(key);
  }
  next.delete('department');
  next.delete('sub');
  for (const [key, value] of scopeEntries(scope)) next.append(key, value);
  return next;
}

/**
 * A link target's search string with `scope` added, so the filter survives following it.
 * A target that names a department (or sub) itself is left as it is: its scope is meant.
 */
export function withScope(search: string, scope: DepartmentScope): string {
  const target = new URLSearchParams(search);
  const entries = scopeEntries(scope);
  if (entries.length === 0 || target.has('department') || target.has('sub')) return search;
  for (const [key, value] of entries) target.append(key, value);
  return `?${target.toString()}`;
}

/** The search string a link carries so the scope survives navigation ('' or '?department=…'). */
export function scopeSearch(query: URLSearchParams): string {
  return withScope('', readScope(query));
}
