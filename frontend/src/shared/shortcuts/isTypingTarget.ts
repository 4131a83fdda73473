// Whether a key event lands where a person types text (a field, a list box, an editable
// region): single-key shortcuts must leave those keys alone.
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null;
}
