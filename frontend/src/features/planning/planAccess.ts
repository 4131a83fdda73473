// Who may change which hours in the planning grid, mirroring the server's rule (which
// still decides): managers and admins change anyone's hours and add projects; a plain
// user changes only the hours of their own linked person's assignments.
import type { Me } from '../../api/types';

type Account = Pick<Me, 'role' | 'person'> | null;

/** Managers and admins plan everyone: every row's hours, and "Add project". */
export function plansEveryone(user: Account): boolean {
  return user?.role === 'manager' || user?.role === 'admin';
}

/** Whether `user` may change the hours of an assignment belonging to `personId`. */
export function canEditHours(user: Account, personId: number): boolean {
  // An unlinked account (person null) owns no rows.
  return plansEveryone(user) || (user !== null && user.person === personId);
}
