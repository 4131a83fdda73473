// The planning view's controls, all kept in the URL: the window (previous / this /
// next week, horizon), project status and search. The department comes from the
// global filter in the app header (the same department/sub params). First, the switch
// between the people and the project grid.
import { SearchBox } from '../../ui/SearchBox';
import { useShortcutsHelp } from '../../shared/shortcuts/shortcutsContext';
import { PlanningViewSwitch } from './projectGrid/PlanningViewSwitch';
import { HORIZONS, STATUS_CHOICES, type PlanningParams } from '../../shared/links/planningParams';
import type { UpdateParams } from './usePlanningParams';
import { addWeeks, longWeek, sundayOf } from '../../ui/weeks';

interface Props {
  params: PlanningParams;
  onChange: UpdateParams;
  /** What the search matches: people (the default) or projects. */
  searchLabel?: string;
}

export function PlanningToolbar({ params, onChange, searchLabel = 'Search people' }: Props) {
  const openShortcuts = useShortcutsHelp();
  return (
    <div className="plan-toolbar" role="group" aria-label="Planning filters">
      <PlanningViewSwitch params={params} />
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
        Projects
        <select className="select" value={params.status} onChange={(event) => onChange({ status: event.target.value })}>
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <SearchBox label={searchLabel} value={params.search} onSearch={(search) => onChange({ search })} />
      {openShortcuts && (
        <button type="button" className="button button--quiet button--small plan-toolbar__help" aria-keyshortcuts="?" onClick={openShortcuts}>
          Keyboard shortcuts (?)
        </button>
      )}
    </div>
  );
}
