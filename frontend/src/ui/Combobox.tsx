// An accessible combobox (the WAI-ARIA 1.2 pattern with list autocomplete) on downshift's
// useCombobox, headless so the markup and each use's CSS classes are ours. Typing hands
// the text to the caller, which filters or searches the items; the first shown item is
// active, arrows move (stopping at the ends), Enter or a click picks, Escape closes the
// list. Other keys (Home, End, ...) keep their text-field meaning.
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

const LIST_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', 'Escape']);

export interface ComboboxProps<T> {
  /** The field's label; with `labelHidden`, only its accessible name. */
  label: string;
  labelHidden?: boolean;
  /** The listbox's accessible name. */
  listLabel: string;
  items: T[];
  itemKey: (item: T) => string | number;
  itemText: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** The field's text, typed or set by a pick: what to filter or search the items by. */
  onTextChange: (text: string) => void;
  /** The picked item; null when typing drops an earlier pick. */
  onSelect: (item: T | null) => void;
  /** Focus leaves the field; may answer the item its text names, to pick that. */
  onLeave?: (text: string) => T | void;
  /** Escape while the list is closed (or always open): for what the field belongs to. */
  onEscape?: () => void;
  /** The list shows for as long as the field does. */
  alwaysOpen?: boolean;
  /** Keys typed here go no further (the field sits in a keyboard-driven grid). */
  isolateKeys?: boolean;
  /** A line in the list after the items, such as "No matching projects". */
  note?: ReactNode;
  /** Below the list, such as a hint. */
  children?: ReactNode;
  error?: string | undefined;
  placeholder: string;
  autoFocus?: boolean;
  className: string;
  inputClassName?: string;
  listClassName: string;
}

/** Downshift's changes, kept to this field's behaviour. */
function reducer<T>(state: UseComboboxState<T>, { type, changes, props }: UseComboboxStateChangeOptions<T>): Partial<UseComboboxState<T>> {
  const types = useCombobox.stateChangeTypes;
  switch (type) {
    case types.InputKeyDownArrowDown:
      return state.isOpen ? { ...changes, highlightedIndex: Math.min(state.highlightedIndex + 1, props.items.length - 1) } : changes;
    case types.InputKeyDownArrowUp:
      return state.isOpen ? { ...changes, highlightedIndex: Math.max(state.highlightedIndex - 1, 0) } : changes;
    case types.InputChange:
      return { ...changes, highlightedIndex: 0, selectedItem: null };
    case types.InputBlur:
      // Leaving the field picks nothing by itself (onLeave may).
      return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
    case types.InputClick:
    case types.ItemMouseMove:
    case types.MenuMouseLeave:
      return state;
    default:
      return changes;
  }
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const { items, alwaysOpen = false, labelHidden = false, error } = props;
  const errorId = useId();
  const [highlight, setHighlight] = useState(0);
  const combobox = useCombobox<T>({
    items,
    itemToString: (item) => (item === null ? '' : props.itemText(item)),
    // Always one of the shown items, so what Enter picks is always there.
    highlightedIndex: items.length > 0 ? Math.min(Math.max(highlight, 0), items.length - 1) : -1,
    ...(alwaysOpen ? { isOpen: true } : {}),
    stateReducer: reducer,
    onHighlightedIndexChange: ({ highlightedIndex }) => setHighlight(highlightedIndex),
    onInputValueChange: ({ inputValue }) => props.onTextChange(inputValue),
    onSelectedItemChange: ({ selectedItem }) => props.onSelect(selectedItem),
  });
  const { isOpen, inputValue, selectedItem } = combobox;
  const listed = isOpen && items.length > 0;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (props.isolateKeys) event.stopPropagation();
    const escapes = event.key === 'Escape' && (alwaysOpen || !isOpen);
    if (!LIST_KEYS.has(event.key) || escapes || (event.key === 'Enter' && !listed)) {
      (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
    }
    if (escapes && props.onEscape) {
      event.preventDefault();
      props.onEscape();
    }
  }

  function onBlur() {
    const named = props.onLeave?.(inputValue);
    if (named !== undefined && named !== selectedItem) combobox.selectItem(named);
  }

  const input = combobox.getInputProps({
    ...(labelHidden ? { 'aria-label': props.label } : {}),
    'aria-expanded': listed,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: props.inputClassName,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    onKeyDown,
    onBlur,
  });
  return (
    <div className={props.className}>
      {!labelHidden && <label {...combobox.getLabelProps()}>{props.label}</label>}
      <input {...input} />
      <ul {...combobox.getMenuProps({ 'aria-label': props.listLabel, className: props.listClassName, hidden: !isOpen || (!listed && !props.note) })}>
        {isOpen &&
          items.map((item, index) => (
            <li key={props.itemKey(item)} {...combobox.getItemProps({ item, index })}>
              {props.renderItem(item)}
            </li>
          ))}
        {isOpen && props.note && <li className="muted">{props.note}</li>}
      </ul>
      {props.children}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
