// The import screen's kind, options and shown job bound to the URL (replacing the
// entry, so Back leaves the screen). The global department filter means nothing here
// but is kept, so it is still there on the next page visited.
import { useUrlParams } from '../../routing/useUrlParams';
import { readScope, scopeEntries } from '../../shared/departmentScope/scopeParams';
import { readImportParams, writeImportParams, type ImportParams } from '../../shared/links/importParams';

export function useImportParams(): [ImportParams, (changes: Partial<ImportParams>) => void] {
  const [params, setParams] = useUrlParams();
  const current = readImportParams(params);

  function update(changes: Partial<ImportParams>) {
    const next = writeImportParams({ ...current, ...changes });
    for (const [key, value] of scopeEntries(readScope(params))) next.set(key, value);
    setParams(next, { replace: true });
  }

  return [current, update];
}
