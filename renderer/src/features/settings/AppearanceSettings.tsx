/** Theme, text size and motion. Applied to the whole app by `useTheme` as soon as they are stored. */
import { useId } from 'react';
import type { Theme } from '../../core/settings';
import { CheckboxField } from './fields';
import type { SettingsSectionProps } from './StudySettings';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const FONT_SCALES: { value: number; label: string }[] = [
  { value: 0.85, label: 'Small (85%)' },
  { value: 1, label: 'Normal (100%)' },
  { value: 1.15, label: 'Large (115%)' },
  { value: 1.3, label: 'Larger (130%)' },
  { value: 1.5, label: 'Largest (150%)' },
];

export function AppearanceSettings({ settings, save }: SettingsSectionProps) {
  const fontId = useId();
  const themeName = useId();
  const scales = FONT_SCALES.some((s) => s.value === settings.fontScale)
    ? FONT_SCALES
    : [...FONT_SCALES, { value: settings.fontScale, label: `${Math.round(settings.fontScale * 100)}%` }].sort(
        (a, b) => a.value - b.value,
      );
  return (
    <section className="card settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">Appearance</h2>
      <fieldset className="field radio-group">
        <legend className="field__label">Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value}>
            <input
              type="radio"
              name={themeName}
              value={t.value}
              checked={settings.theme === t.value}
              onChange={() => void save({ theme: t.value })}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={fontId} className="field__label">
          Text size
        </label>
        <select
          id={fontId}
          value={settings.fontScale}
          onChange={(e) => void save({ fontScale: Number(e.currentTarget.value) })}
        >
          {scales.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <CheckboxField
        label="Reduce motion"
        checked={settings.reduceMotion}
        hint="Turns off animations and smooth scrolling, whatever the system setting."
        onSave={(v) => save({ reduceMotion: v })}
      />
    </section>
  );
}
