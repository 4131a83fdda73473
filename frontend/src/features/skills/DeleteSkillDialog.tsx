// "Delete this skill?": deleting a tag also takes it off everyone who has it, so the
// confirmation says so; a refusal from the server is shown in its own words.
import type { Skill } from '../../api/skills';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { writeErrorMessage } from '../../ui/errorMessage';
import { useSkillActions } from './useSkillActions';

export function DeleteSkillDialog({ skill, onClose }: { skill: Skill; onClose: () => void }) {
  const { remove } = useSkillActions(skill);
  return (
    <ConfirmDialog
      title={`Delete ${skill.name}?`}
      confirmLabel="Delete skill"
      pending={remove.isPending}
      problem={remove.error ? writeErrorMessage(remove.error) : undefined}
      onConfirm={() => remove.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>This removes the skill from the list and from every person who has it. It cannot be undone.</p>
    </ConfirmDialog>
  );
}
