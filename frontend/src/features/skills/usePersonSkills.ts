// One person's skills: the query, and setting (add or change kind/level) and removing
// one as optimistic writes. The list changes at once; on failure it rolls back and a
// toast says why. Writes for one person run one after another (a mutation scope), so
// quick changes land on the server in the order they were made.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchPersonSkills,
  personSkillsQueryKey,
  removePersonSkill,
  setPersonSkill,
  type PersonSkill,
  type PersonSkillChoice,
  type Skill,
} from '../../api/skills';
import { writeErrorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';

/** What a set call needs: the choice, plus the tag so a new row can show its name at once. */
export interface SetPersonSkill extends PersonSkillChoice {
  tag: Pick<Skill, 'name' | 'category'>;
}

function withChoice(current: readonly PersonSkill[], { tag, ...choice }: SetPersonSkill): PersonSkill[] {
  const row: PersonSkill = { ...choice, name: tag.name, category: tag.category };
  const exists = current.some((skill) => skill.skill === choice.skill);
  return exists ? current.map((skill) => (skill.skill === choice.skill ? row : skill)) : [...current, row];
}

export function usePersonSkills(person: number) {
  const queryKey = personSkillsQueryKey(person);
  const queryClient = useQueryClient();
  const toast = useToast();
  // On the person page the overview's answer fills this query each time it is read, so a
  // mount with data already cached does not ask again.
  const query = useQuery({ queryKey, queryFn: ({ signal }) => fetchPersonSkills(person, signal), refetchOnMount: false });

  /** Applies a change to the cached list; returns how to undo it. */
  async function optimistic(change: (current: readonly PersonSkill[]) => PersonSkill[]) {
    await queryClient.cancelQueries({ queryKey });
    const before = queryClient.getQueryData<PersonSkill[]>(queryKey);
    queryClient.setQueryData<PersonSkill[]>(queryKey, change(before ?? []));
    return { rollback: () => queryClient.setQueryData(queryKey, before) };
  }

  function failed(error: Error, _vars: unknown, context: { rollback: () => void } | undefined) {
    context?.rollback();
    toast(writeErrorMessage(error), 'error');
    return queryClient.invalidateQueries({ queryKey });
  }

  const mutationKey = ['person-skills', person];
  const scope = { id: `person-skills-${person}` };
  const set = useMutation({
    mutationKey,
    scope,
    mutationFn: ({ skill, kind, level }: SetPersonSkill) => setPersonSkill(person, { skill, kind, level }),
    onMutate: (vars) => optimistic((current) => withChoice(current, vars)),
    onSuccess: (skills) => {
      // A later queued write has already changed the list; its own answer will follow.
      if (queryClient.isMutating({ mutationKey }) <= 1) queryClient.setQueryData(queryKey, skills);
    },
    onError: failed,
  });

  const remove = useMutation({
    mutationKey,
    scope,
    mutationFn: (skill: PersonSkill) => removePersonSkill(person, skill.skill),
    onMutate: (removed) => optimistic((current) => current.filter((skill) => skill.skill !== removed.skill)),
    onSuccess: (_none, removed) => toast(`Removed ${removed.name}.`),
    onError: failed,
  });

  return { query, set, remove };
}
