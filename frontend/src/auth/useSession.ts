// React access to the in-memory session (status and user), re-rendering on changes.
import { useSyncExternalStore } from 'react';
import { getSession, subscribe, type Session } from './sessionStore';
import type { Me } from '../api/types';

export function useSession(): Session {
  return useSyncExternalStore(subscribe, getSession);
}

/** The signed-in user, or null while restoring or when signed out. */
export function useCurrentUser(): Me | null {
  const session = useSession();
  return session.status === 'signedIn' ? session.user : null;
}
