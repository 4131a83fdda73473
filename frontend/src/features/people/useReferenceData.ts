// The departments (in tree order, with depth) and job roles the people screens offer in
// their selects, from one request. Its departments also fill the department list that
// the header's department filter shares, so that filter asks for nothing more here.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchPersonChoices } from '../../api/people';
import { parentOptions } from '../../shared/departments/departmentTree';
import { queryKeys } from '../../api/queryKeys';

export function useReferenceData({ enabled = true }: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  const choices = useQuery({
    queryKey: queryKeys.people.choices,
    queryFn: async ({ signal }) => {
      const answer = await fetchPersonChoices(signal);
      queryClient.setQueryData(queryKeys.departments.list, answer.departments);
      return answer;
    },
    enabled,
  });
  return {
    departments: parentOptions(choices.data?.departments ?? [], null),
    roles: choices.data?.roles ?? [],
  };
}

export type ReferenceData = ReturnType<typeof useReferenceData>;
