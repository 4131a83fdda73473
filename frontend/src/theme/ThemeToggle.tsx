// A theme switch: a three-way radio group (Light / Dark / System). It applies and
// remembers the choice on this device; `onChange` can save it elsewhere too.
import { useId, useSyncExternalStore } from 'react';
import {
  readThemePreference,
  saveThemePreference,
  subscribeThemePreference,
  type ThemePreference,
} from './theme';
import './ThemeToggle.css';

const OPTIONS: readonly { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'light', label: 'Light', icon: '☀' },
  { value: 'dark', label: 'Dark', icon: '☾' },
  { value: 'system', label: 'System', icon: '◐' },
];

interface Props {
  onChange?: ((preference: ThemePreference) => void) | undefined;
}

export function ThemeToggle({ onChange }: Props) {
  const preference = useSyncExternalStore(subscribeThemePreference, readThemePreference);
  const name = useId();

  function choose(next: ThemePreference) {
    saveThemePreference(next);
    onChange?.(next);
  }

  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Theme</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="theme-toggle__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={preference === option.value}
            onChange={() => choose(option.value)}
          />
          <span className="theme-toggle__face">
            <span aria-hidden="true" className="theme-toggle__icon">
              {option.icon}
            </span>
            {option.label}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
