// The departments (in tree order, with depth) and job roles the people screens offer
// in their selects; cached with the departments and roles screens' own queries.
import { useQuery } from '@tanstack/react-query';
import { fetchAllDepartments } from '../../api/departments';
import { fetchRoles, type JobRole } from '../../api/roles';
import { parentOptions } from '../departments/departmentTree';
import { queryKeys } from '../../api/queryKeys';

async function fetchAllRoles(signal: AbortSignal): Promise<JobRole[]> {
  const all: JobRole[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await fetchRoles({ search: '', page }, signal);
    all.push(...answer.items);
    if (answer.items.length === 0 || all.length >= answer.total) return all;
  }
}

export function useReferenceData() {
  const departments = useQuery({ queryKey: queryKeys.departments.list, queryFn: ({ signal }) => fetchAllDepartments(signal) });
  const roles = useQuery({ queryKey: queryKeys.roles.every, queryFn: ({ signal }) => fetchAllRoles(signal) });
  return {
    departments: parentOptions(departments.data ?? [], null),
    roles: roles.data ?? [],
  };
}

export type ReferenceData = ReturnType<typeof useReferenceData>;
