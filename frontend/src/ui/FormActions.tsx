// The buttons under a form in a dialog or panel: submit (saying what it is doing while
// the request runs) and Cancel.
interface Props {
  /** The submit button's words: "Save changes", "Create department". */
  label: string;
  /** Its words while the request runs: "Saving…". */
  busyLabel: string;
  busy: boolean;
  /** Submit is also off for a reason of the form's own: nothing changed, a required field is blank. */
  disabled?: boolean;
  onCancel: () => void;
}

export function FormActions({ label, busyLabel, busy, disabled = false, onCancel }: Props) {
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
