// The sticky header row: "Person" over the name column, then each week's Sunday.
import { longWeek, shortWeek } from './weeks';

export function GridHeader({ weekKeys, template }: { weekKeys: readonly string[]; template: string }) {
  return (
    <div role="row" aria-rowindex={1} className="plan-row plan-header" style={{ gridTemplateColumns: template }}>
      <div role="columnheader" aria-colindex={1} className="plan-cell plan-cell--name">
        Person · capacity
      </div>
      {weekKeys.map((week, i) => (
        <div key={week} role="columnheader" aria-colindex={i + 2} className="plan-cell plan-week" title={longWeek(week)}>
          <span aria-hidden="true">{shortWeek(week)}</span>
          <span className="visually-hidden">{longWeek(week)}</span>
        </div>
      ))}
    </div>
  );
}
