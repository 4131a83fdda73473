// "Delete this skill?": only a skill nobody has can go (profiles hang on the others), so
// the server's refusal, naming how many people have it, is shown in its own words.
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
      <p>This removes the skill from the list. A skill people have must first be taken off their profiles. It cannot be undone.</p>
    </ConfirmDialog>
  );
}
