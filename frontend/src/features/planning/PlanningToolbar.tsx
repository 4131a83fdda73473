// The planning view's controls, all kept in the URL: the window (previous / this /
// next week, horizon), department (with sub-departments), project status and search.
import { useQuery } from '@tanstack/react-query';
import { fetchAllDepartments } from '../../api/departments';
import { SearchBox } from '../../ui/SearchBox';
import { HORIZONS, STATUS_CHOICES, type PlanningParams } from './planningParams';
import type { UpdateParams } from './usePlanningParams';
import { addWeeks, longWeek, sundayOf } from './weeks';

interface Props {
  params: PlanningParams;
  onChange: UpdateParams;
}

export function PlanningToolbar({ params, onChange }: Props) {
  const departments = useQuery({ queryKey: ['departments', 'all'], queryFn: ({ signal }) => fetchAllDepartments(signal) });
  const choices = (departments.data ?? []).filter((department) => department.isActive || department.id === params.department);
  return (
    <div className="plan-toolbar" role="group" aria-label="Planning filters">
      <div className="plan-toolbar__weeks" role="group" aria-label="Weeks shown">
        <button type="button" className="button button--quiet button--small" onClick={() => onChange({ start: addWeeks(params.start, -1) })}>
          <span aria-hidden="true">‹</span> Previous week
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => onChange({ start: sundayOf(new Date()) })}>
          This week
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => onChange({ start: addWeeks(params.start, 1) })}>
          Next week <span aria-hidden="true">›</span>
        </button>
        <span className="plan-toolbar__start">{longWeek(params.start)}</span>
      </div>
      <label className="plan-toolbar__field">
        Horizon
        <select className="select" value={params.weeks} onChange={(event) => onChange({ weeks: Number(event.target.value) })}>
          {HORIZONS.map((weeks) => (
            <option key={weeks} value={weeks}>
              {weeks} weeks
            </option>
          ))}
        </select>
      </label>
      <label className="plan-toolbar__field">
        Department
        <select
          className="select"
          value={params.department ?? ''}
          onChange={(event) => onChange({ department: event.target.value ? Number(event.target.value) : null })}
        >
          <option value="">All departments</option>
          {choices.map((department) => (
            <option key={department.id} value={department.id}>
              {department.name}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={params.includeChildren} disabled={params.department === null} onChange={(event) => onChange({ includeChildren: event.target.checked })} />
        Include sub-departments
      </label>
      <label className="plan-toolbar__field">
        Projects
        <select className="select" value={params.status} onChange={(event) => onChange({ status: event.target.value })}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <SearchBox label="Search people" value={params.search} onSearch={(search) => onChange({ search })} />
    </div>
  );
}
