// The people list's filters, sort and page bound to the URL; any change but paging
// goes back to page 1.
import { useUrlParams } from '../../routing/useUrlParams';
import type { PeopleQuery } from '../../api/people';
import { readPeopleParams, writePeopleParams } from './peopleParams';

export function usePeopleParams(): [PeopleQuery, (changes: Partial<PeopleQuery>) => void] {
  const [params, setParams] = useUrlParams();
  const current = readPeopleParams(params);

  function update(changes: Partial<PeopleQuery>) {
    setParams(writePeopleParams({ ...current, page: 1, ...changes }), { replace: true });
  }

  return [current, update];
}
