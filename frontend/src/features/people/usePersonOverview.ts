// The person page's one read: the person, their weeks, assignments and skills. It is
// asked for on every visit (never served from a cache as fresh), since other screens
// change what it shows (adding someone to a project, planning their hours) without
// knowing this page. The skills also seed the person's skills query, which the skills
// section edits optimistically, so it starts from this answer instead of asking again.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchPersonOverview } from '../../api/people';
import { queryKeys } from '../../api/queryKeys';
import { personSkillsQueryKey } from '../../api/skills';

export function usePersonOverview(id: number) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.people.overview(id),
    queryFn: async ({ signal }) => {
      const overview = await fetchPersonOverview(id, signal);
      queryClient.setQueryData(personSkillsQueryKey(id), overview.skills);
      return overview;
    },
    staleTime: 0,
  });
}
