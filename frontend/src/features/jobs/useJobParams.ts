// The jobs screen's filters, page and chosen job bound to the URL; any change but paging
// goes back to page 1. The global department filter (department/sub) means nothing here
// but is kept, so it is still there on the next page visited.
import { useUrlParams } from '../../routing/useUrlParams';
import { readScope, scopeEntries } from '../../shared/departmentScope/scopeParams';
import { readJobParams, writeJobParams, type JobParams } from './jobParams';

export function useJobParams(): [JobParams, (changes: Partial<JobParams>) => void] {
  const [params, setParams] = useUrlParams();
  const current = readJobParams(params);

  function update(changes: Partial<JobParams>) {
    const next = writeJobParams({ ...current, page: 1, ...changes });
    for (const [key, value] of scopeEntries(readScope(params))) next.set(key, value);
    setParams(next, { replace: true });
  }

  return [current, update];
}
