// The last row under an expanded person (for planners): "Add project", which opens
// the project search; picking one creates the assignment.
import type { GridPerson } from '../../api/planning';
import { GridCell } from './GridCell';
import { PlanRow } from './PlanRow';
import { ProjectTypeahead } from './ProjectTypeahead';
import { useAddAssignment } from './useAddAssignment';

interface Props {
  index: number;
  person: GridPerson;
  open: boolean;
  template: string;
  onOpen: (personId: number) => void;
  onClose: (refocus: boolean) => void;
}

export function AddProjectRow({ index, person, open, template, onOpen, onClose }: Props) {
  const add = useAddAssignment();
  return (
    <PlanRow index={index} kind="add" template={template}>
      <GridCell row={index} col={0} header className="plan-cell--name plan-cell--project">
        {open ? (
          <ProjectTypeahead
            personName={person.name}
            onClose={onClose}
            onPick={(project) => {
              onClose(true);
              add.mutate({ person, project });
            }}
          />
        ) : (
          <button type="button" tabIndex={-1} className="plan-add" onClick={() => onOpen(person.id)} disabled={add.isPending}>
            + Add project
          </button>
        )}
      </GridCell>
    </PlanRow>
  );
}
