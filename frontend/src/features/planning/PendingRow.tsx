// A row still loading: a person whose page has not arrived, or the projects of a person
// just expanded. Cells like any row's (the active cell may land here), shown as skeleton
// bars and named "Loading…" for screen readers.
import { GridCell } from './GridCell';
import { PlanRow } from './PlanRow';

interface Props {
  index: number;
  weekKeys: readonly string[];
  template: string;
}

export function PendingRow({ index, weekKeys, template }: Props) {
  return (
    <PlanRow index={index} kind="pending" template={template}>
      <GridCell row={index} col={0} header label="Loading…">
        <span className="plan-skeleton__bar plan-skeleton__bar--name" aria-hidden="true" />
      </GridCell>
      {weekKeys.map((week, i) => (
        <GridCell key={week} row={index} col={i + 1}>
          <span className="plan-skeleton__bar" aria-hidden="true" />
        </GridCell>
      ))}
    </PlanRow>
  );
}
