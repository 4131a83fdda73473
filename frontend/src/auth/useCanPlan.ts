// Whether the signed-in person may write people, projects and assignments: managers
// and admins may; everyone else reads (the server still decides).
import { useCurrentUser } from './useSession';

export function useCanPlan(): boolean {
  const role = useCurrentUser()?.role;
  return role === 'manager' || role === 'admin';
}
