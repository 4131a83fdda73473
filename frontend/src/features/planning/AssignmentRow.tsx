// One assignment under its expanded person: the project (and role) and its hours per
// week; the focused cell turns into the editor while someone types.
import type { KeyboardEvent } from 'react';
import type { GridAssignment } from '../../api/planning';
import { GridCell } from './GridCell';
import type { Overlay } from './gridModel';
import { cellHours } from './gridModel';
import { formatHours } from './hoursInput';
import { HoursEditor } from './HoursEditor';
import type { EditState } from './useCellEditing';
import { longWeek } from './weeks';

export interface EditorHandlers {
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

interface Props {
  index: number;
  assignment: GridAssignment;
  weekKeys: readonly string[];
  overlay: Overlay;
  template: string;
  editing: EditState | null;
  editor: EditorHandlers;
}

export function AssignmentRow({ index, assignment, weekKeys, overlay, template, editing, editor }: Props) {
  const title = assignment.roleOnProject ? `${assignment.projectName} · ${assignment.roleOnProject}` : assignment.projectName;
  return (
    <div role="row" aria-rowindex={index + 2} className="plan-row plan-row--assignment" style={{ gridTemplateColumns: template }}>
      <GridCell row={index} col={0} header className="plan-cell--name plan-cell--project">
        <span className="plan-name" title={title}>
          {title}
        </span>
      </GridCell>
      {weekKeys.map((week, i) => {
        const hours = cellHours(assignment, week, overlay);
        const pending = overlay.has(`${assignment.id}:${week}`);
        const edit = editing?.col === i + 1 ? editing : null;
        return (
          <GridCell
            key={week}
            row={index}
            col={i + 1}
            className={`plan-hours${pending ? ' is-pending' : ''}`}
            label={`${title}, ${longWeek(week)}: ${hours} hours${pending ? ', saving' : ''}`}
          >
            {edit ? <HoursEditor edit={edit} label={`${title}, ${longWeek(week)}`} {...editor} /> : formatHours(hours)}
          </GridCell>
        );
      })}
    </div>
  );
}
