// Saving the theme choice to the signed-in account (PATCH /auth/me/settings), so the
// same theme applies after signing in anywhere. The local switch has already happened.
import { useMutation } from '@tanstack/react-query';
import { saveSettings } from '../../api/auth';
import type { ThemeSetting } from '../../api/types';
import { updateUser } from '../../auth/sessionStore';
import { errorMessage } from '../../ui/errorMessage';
import { useToast } from '../../ui/toast/useToast';

export function useSaveTheme() {
  const toast = useToast();
  return useMutation({
    mutationFn: (theme: ThemeSetting) => saveSettings({ theme }),
    onSuccess: updateUser,
    onError: (error) =>
      toast(`The theme is applied here but wasn’t saved to your account. ${errorMessage(error)}`, 'error'),
  });
}
