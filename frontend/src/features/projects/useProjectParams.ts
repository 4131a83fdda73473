// The projects list's filters, sort and page bound to the URL; any change but paging
// goes back to page 1.
import { useUrlParams } from '../../routing/useUrlParams';
import type { ProjectQuery } from '../../api/projects';
import { readProjectParams, writeProjectParams } from './projectParams';

export function useProjectParams(): [ProjectQuery, (changes: Partial<ProjectQuery>) => void] {
  const [params, setParams] = useUrlParams();
  const current = readProjectParams(params);

  function update(changes: Partial<ProjectQuery>) {
    setParams(writeProjectParams({ ...current, page: 1, ...changes }), { replace: true });
  }

  return [current, update];
}
