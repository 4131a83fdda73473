// The horizon control of the analytics screens: how many weeks from the window's start
// every panel covers (the planning grid's choices).
import { HORIZONS } from '../../shared/links/planningParams';
import { longWeek } from '../../ui/weeks';

interface Props {
  start: string;
  weeks: number;
  onChange: (weeks: number) => void;
}

export function HorizonSelect({ start, weeks, onChange }: Props) {
  return (
    <div className="analytics-toolbar" role="group" aria-label="Weeks shown">
      <label className="analytics-toolbar__field">
        Horizon
        <select className="select" value={weeks} onChange={(event) => onChange(Number(event.target.value))}>
          {HORIZONS.map((choice) => (
            <option key={choice} value={choice}>
              {choice} weeks
            </option>
          ))}
        </select>
      </label>
      <span className="muted">{longWeek(start)} onwards</span>
    </div>
  );
}
