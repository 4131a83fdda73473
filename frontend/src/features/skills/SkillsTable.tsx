// The skills table: one row per tag (virtualized: only the rows in view are in the page),
// and for managers and admins Edit and Delete, whose dialogs live here so a row scrolling
// out of view does not close them. Closing a dialog returns focus to its button.
import { useRef, useState } from 'react';
import type { Skill } from '../../api/skills';
import { SpacerRow } from '../../ui/SpacerRow';
import { useVirtualList } from '../../ui/useVirtualList';
import { DeleteSkillDialog } from './DeleteSkillDialog';
import { EditSkillDialog } from './EditSkillDialog';
import '../../ui/referenceData.css';

/** Must match the row height in skills.css. */
const ROW_HEIGHT = 34;

interface Props {
  skills: Skill[];
  categories: readonly string[];
  canEdit: boolean;
}

export function SkillsTable({ skills, categories, canEdit }: Props) {
  const { ref, start, end, padTop, padBottom } = useVirtualList<HTMLDivElement>({ count: skills.length, rowHeight: ROW_HEIGHT });
  const [open, setOpen] = useState<{ id: number; dialog: 'edit' | 'delete' } | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const columns = canEdit ? 3 : 2;
  const openSkill = open && skills.find((skill) => skill.id === open.id);

  function show(id: number, dialog: 'edit' | 'delete') {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen({ id, dialog });
  }

  function close() {
    setOpen(null);
    if (trigger.current?.isConnected) trigger.current.focus();
  }

  return (
    <div className="skills-scroll" ref={ref}>
      <table className="data-table name-rows skills-table" aria-rowcount={skills.length + 1}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Category</th>
            {canEdit && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={padTop} columns={columns} />
          {skills.slice(start, end).map((skill, index) => (
            <tr key={skill.id} aria-rowindex={start + index + 2} data-testid={`skill-${skill.name}`}>
              <th scope="row">{skill.name}</th>
              <td>{skill.category || <span className="muted">No category</span>}</td>
              {canEdit && (
                <td>
                  <div className="row-actions">
                    <button type="button" className="button button--quiet button--small" aria-label={`Edit ${skill.name}`}
                      onClick={() => show(skill.id, 'edit')}>
                      Edit…
                    </button>
                    <button type="button" className="button button--quiet button--small" aria-label={`Delete ${skill.name}`}
                      onClick={() => show(skill.id, 'delete')}>
                      Delete…
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
          <SpacerRow height={padBottom} columns={columns} />
        </tbody>
      </table>
      {openSkill && open.dialog === 'edit' && <EditSkillDialog skill={openSkill} categories={categories} onClose={close} />}
      {openSkill && open.dialog === 'delete' && <DeleteSkillDialog skill={openSkill} onClose={close} />}
    </div>
  );
}
