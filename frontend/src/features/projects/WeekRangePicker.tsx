// The weeks a staffing question is about: a first week (this week or one of the next
// 25, by its Sunday) and how many weeks (1 to 52).
import { addWeeks, currentWeek, weekLabel } from '../../ui/weeks';

export interface WeekRange {
  start: string;
  weeks: number;
}

const START_CHOICES = 26;
const MAX_WEEKS = 52;

export function WeekRangePicker({ value, onChange }: { value: WeekRange; onChange: (range: WeekRange) => void }) {
  const thisWeek = currentWeek();
  const starts = Array.from({ length: START_CHOICES }, (_, index) => addWeeks(thisWeek, index));
  return (
    <>
      <div className="field">
        <label htmlFor="range-start">From the week of</label>
        <select id="range-start" className="select" value={value.start} onChange={(event) => onChange({ ...value, start: event.target.value })}>
          {starts.map((week, index) => (
            <option key={week} value={week}>
              {weekLabel(week)}{index === 0 ? ' (this week)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="range-weeks">Weeks</label>
        <select id="range-weeks" className="select" value={value.weeks} onChange={(event) => onChange({ ...value, weeks: Number(event.target.value) })}>
          {Array.from({ length: MAX_WEEKS }, (_, index) => index + 1).map((count) => (
            <option key={count} value={count}>{count}</option>
          ))}
        </select>
      </div>
    </>
  );
}
