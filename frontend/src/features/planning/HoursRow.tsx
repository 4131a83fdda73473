// A row of one assignment's hours, in either grid (a project under a person, a person
// under a project): its name, then its hours per week, each cell marked where a
// deliverable falls due (when the row is given them); the focused cell turns into the
// editor while someone types.
import { DeliverableMark } from '../../shared/deliverables/DeliverableMark';
import { dueNote, type DueDeliverable } from '../../shared/deliverables/deliverableWeeks';
import { GridCell } from './GridCell';
import { cellHours, cellKey, type HoursRow as Hours, type Overlay } from './gridModel';
import { formatHours } from './hoursInput';
import { HoursEditor, type EditorHandlers } from './HoursEditor';
import { PlanRow } from './PlanRow';
import type { EditState } from './useCellEditing';
import { longWeek } from '../../ui/weeks';

const NO_DUES: readonly DueDeliverable[] = [];

export interface HoursRowProps {
  index: number;
  assignment: Hours;
  /** What the name column shows (and its tooltip). */
  name: string;
  /** How the row's cells are named: "Bridge · Lead", "Ann Archer on Bridge". */
  title: string;
  weekKeys: readonly string[];
  overlay: Overlay;
  template: string;
  editing: EditState | null;
  editor: EditorHandlers;
  /** Hours this user may not change (a plain user looking at someone else's row). */
  readOnly: boolean;
  /** What falls due in a week, marked in its cell (nothing when left out). */
  duesIn?: (week: string) => readonly DueDeliverable[];
}

export function HoursRow({ index, assignment, name, title, weekKeys, overlay, template, editing, editor, readOnly, duesIn }: HoursRowProps) {
  return (
    <PlanRow index={index} kind="assignment" template={template}>
      {/* Named by its title only when that says more than the name shown. */}
      <GridCell row={index} col={0} header className="plan-cell--name plan-cell--project" label={title === name ? undefined : title}>
        <span className="plan-name" title={name}>
          {name}
        </span>
      </GridCell>
      {weekKeys.map((week, i) => {
        const hours = cellHours(assignment, week, overlay);
        const pending = overlay.has(cellKey(assignment.id, week));
        const edit = editing?.col === i + 1 ? editing : null;
        const dues = duesIn?.(week) ?? NO_DUES;
        return (
          <GridCell
            key={week}
            row={index}
            col={i + 1}
            className={`plan-hours${pending ? ' is-pending' : ''}`}
            readOnly={readOnly}
            label={`${title}, ${longWeek(week)}: ${hours} hours${pending ? ', saving' : ''}${dueNote(dues)}`}
          >
            <DeliverableMark dues={dues} />
            {edit ? <HoursEditor edit={edit} label={`${title}, ${longWeek(week)}`} {...editor} /> : formatHours(hours)}
          </GridCell>
        );
      })}
    </PlanRow>
  );
}
