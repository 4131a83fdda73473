// The filters above the people list: name search, role and active/inactive. Every change
// lands in the URL. The department comes from the global filter in the app header.
import type { PeopleQuery } from '../../api/people';
import { SearchBox } from '../../ui/SearchBox';
import { ChoiceSelect, roleChoices } from '../../ui/ChoiceSelect';
import type { ReferenceData } from './useReferenceData';

interface Props {
  query: PeopleQuery;
  reference: ReferenceData;
  onChange: (changes: Partial<PeopleQuery>) => void;
}

export function PeopleFilterBar({ query, reference, onChange }: Props) {
  return (
    <div className="filter-bar people-filters">
      <SearchBox label="Search people" value={query.search} onSearch={(search) => onChange({ search })} />
      <ChoiceSelect label="Role" emptyLabel="Any role" choices={roleChoices(reference.roles)} value={query.role}
        onChange={(role) => onChange({ role })} />
      <div className="field">
        <label htmlFor="people-active">Status</label>
        <select id="people-active" className="select" value={query.active}
          onChange={(event) => onChange({ active: event.target.value as PeopleQuery['active'] })}>
          <option value="">Active and inactive</option>
          <option value="true">Active only</option>
          <option value="false">Inactive only</option>
        </select>
      </div>
    </div>
  );
}
