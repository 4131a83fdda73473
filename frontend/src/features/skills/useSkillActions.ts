// Writes to the skill tags as mutations that end in a toast and refresh the shared list
// (which also refreshes cached person skills). A 412 refreshes too, so the newer version shows.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSkill, deleteSkill, SKILLS_QUERY_KEY, updateSkill, type Skill, type SkillChanges } from '../../api/skills';
import { useToast } from '../../ui/toast/useToast';

export function useRefreshSkills() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SKILLS_QUERY_KEY });
}

export function useCreateSkill() {
  const toast = useToast();
  const refresh = useRefreshSkills();
  return useMutation({
    mutationFn: createSkill,
    onSuccess: (skill) => {
      toast(`Added the skill ${skill.name}.`);
      return refresh();
    },
  });
}

export function useSkillActions(skill: Skill) {
  const toast = useToast();
  const refresh = useRefreshSkills();

  const update = useMutation({
    mutationFn: (changes: SkillChanges) => updateSkill(skill, changes),
    onSuccess: (saved) => toast(`Saved ${saved.name}.`),
    onSettled: refresh,
  });

  const remove = useMutation({
    mutationFn: () => deleteSkill(skill),
    onSuccess: () => toast(`Deleted ${skill.name}.`),
    onSettled: refresh,
  });

  return { update, remove };
}
