// The admin's per-user actions as mutations: change role or active state, send a reset
// link, set a password. Each refreshes the user list and audit log and ends in a toast
// (a failed password change is shown in its dialog instead).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendResetLink, setUserPassword, updateUser, type UserChanges } from '../../api/users';
import type { User } from '../../api/types';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';
import { queryKeys } from '../../api/queryKeys';

function useRefreshLists() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.audit.all });
  };
}

export function useUserActions(user: User) {
  const toast = useToast();
  const settled = useRefreshLists();
  const failed = (error: Error) => toast(errorMessage(error), 'error');

  const update = useMutation({
    mutationFn: (changes: UserChanges) => updateUser(user.id, changes),
    onSuccess: (updated, changes) => {
      if (changes.role) toast(`${updated.username} is now ${updated.role === 'admin' ? 'an' : 'a'} ${updated.role}.`);
      else if (changes.person !== undefined)
        toast(updated.person === null ? `${updated.username} is no longer linked to a person.` : `${updated.username} is linked to their person.`);
      else toast(`${updated.username} ${updated.isActive ? 'can sign in again' : 'is deactivated'}.`);
    },
    onError: failed,
    onSettled: settled,
  });

  const resetLink = useMutation({
    mutationFn: () => sendResetLink(user.id),
    onSuccess: () => toast(`Reset link sent to ${user.email}.`),
    onError: failed,
    onSettled: settled,
  });

  return { update, resetLink };
}

export function useSetPassword(user: User) {
  const toast = useToast();
  const settled = useRefreshLists();
  return useMutation({
    mutationFn: (password: string) => setUserPassword(user.id, password),
    onSuccess: () => toast(`New password set for ${user.username}; their sessions have ended.`),
    onSettled: settled,
  });
}
