// The sticky header row: the name column's title ("Person · capacity" unless told),
// then each week's Sunday.
import { longWeek, shortWeek } from '../../ui/weeks';

interface Props {
  weekKeys: readonly string[];
  template: string;
  nameLabel?: string | undefined;
}

export function GridHeader({ weekKeys, template, nameLabel = 'Person · capacity' }: Props) {
  return (
    <div role="row" aria-rowindex={1} className="plan-row plan-header" style={{ gridTemplateColumns: template }}>
      <div role="columnheader" aria-colindex={1} className="plan-cell plan-cell--name">
        {nameLabel}
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
