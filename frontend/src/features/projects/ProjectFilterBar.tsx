// The filters above the projects list: status chips (several at once; none means all),
// the exact client and a name search.
import { PROJECT_STATUSES, type ProjectQuery } from '../../api/projects';
import { SearchBox } from '../../ui/SearchBox';
import { toggleStatus } from './projectParams';
import { STATUS_LABELS } from './projectStatus';

interface Props {
  query: ProjectQuery;
  onChange: (changes: Partial<ProjectQuery>) => void;
}

export function ProjectFilterBar({ query, onChange }: Props) {
  return (
    <div className="filter-bar project-filters">
      <div role="group" aria-label="Status" className="chips">
        {PROJECT_STATUSES.map((status) => (
          <button key={status} type="button" className={`chip chip--${status}`} aria-pressed={query.statuses.includes(status)}
            onClick={() => onChange({ statuses: toggleStatus(query.statuses, status) })}>
            {STATUS_LABELS[status]}
          </button>
        ))}
      </div>
      <SearchBox label="Client" value={query.client} onSearch={(client) => onChange({ client })} />
      <SearchBox label="Search projects" value={query.search} onSearch={(search) => onChange({ search })} />
    </div>
  );
}
