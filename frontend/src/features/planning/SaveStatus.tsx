// Where the saving stands, in words: saving, all saved, or the last batch refused.
import type { QueueState } from './saveQueue';

export function SaveStatus({ state }: { state: QueueState }) {
  const text = state.saving
    ? 'Saving…'
    : state.outcome === 'saved'
      ? 'All changes saved'
      : state.outcome === 'failed'
        ? 'Last change not saved'
        : '';
  return (
    <p className={`plan-save-status plan-save-status--${state.saving ? 'saving' : state.outcome}`} role="status" data-testid="planning-save-status">
      {text}
    </p>
  );
}
