// The header's theme switch: a three-way radio group (Light / Dark / System).
import { useId, useState } from 'react';
import { readThemePreference, saveThemePreference, type ThemePreference } from './theme';
import './ThemeToggle.css';

const OPTIONS: readonly { value: ThemePreference; label: string; icon: string }[] = [
  { value: 'light', label: 'Light', icon: '☀' },
  { value: 'dark', label: 'Dark', icon: '☾' },
  { value: 'system', label: 'System', icon: '◐' },
];

export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>(readThemePreference);
  const name = useId();

  function choose(next: ThemePreference) {
    setPreference(next);
    saveThemePreference(next);
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
