// "Are you sure?" for an action that cannot be undone: a title, an explanation, the
// server's answer when the action was refused, and the action or Cancel.
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';

interface Props {
  title: string;
  confirmLabel: string;
  pending: boolean;
  /** Why the last attempt failed, in words; shown above the buttons. */
  problem?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
  /** Another way out offered beside the action, e.g. "Deactivate instead". */
  alternative?: ReactNode;
  /** The words of the button that closes without acting, when "Cancel" would be ambiguous. */
  dismissLabel?: string;
  /** The explanation. */
  children: ReactNode;
}

export function ConfirmDialog(props: Props) {
  const { title, confirmLabel, pending, problem, onConfirm, onClose, alternative, dismissLabel = 'Cancel', children } = props;
  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      {problem && <FormAlert tone="error">{problem}</FormAlert>}
      <div className="form-actions">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {pending ? 'Working…' : confirmLabel}
        </button>
        {alternative}
        <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
          {dismissLabel}
        </button>
      </div>
    </Dialog>
  );
}
