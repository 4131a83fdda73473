// Who may change what, mirroring the server's rules so the UI hides controls people
// could not use anyway (the server still decides).
import type { Me } from '../api/types';

/** Departments and roles: managers and admins change them; everyone signed in reads. */
export function canEditReferenceData(user: Me | null): boolean {
  return user?.role === 'manager' || user?.role === 'admin';
}
