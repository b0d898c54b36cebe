/** Global scheduling settings: retention, daily limits, steps, maximum interval, reading rule, day start. */
import { useId } from 'react';
import type { AppSettings } from '../../core/settings';
import { keepAnswersDaysSchema } from '../../core/settings';
import { CheckboxField, NumberField } from './fields';
import { SchedulingFields } from './SchedulingFields';

export interface SettingsSectionProps {
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function StudySettings({ settings, save }: SettingsSectionProps) {
  const dayStartId = useId();
  return (
    <section className="card settings-section" aria-labelledby="settings-study">
      <h2 id="settings-study">Study</h2>
      <div className="field-grid">
        <SchedulingFields values={settings} save={save} />
        <NumberField
          label="Keep what you answered (days)"
          value={settings.keepAnswersDays}
          min={0}
          max={3650}
          integer
          schema={keepAnswersDaysSchema}
          hint="Browse shows your answers this long; ratings, scores and times are kept for good."
          onSave={(v) => save({ keepAnswersDays: v ?? undefined })}
        />
        <div className="field">
          <label htmlFor={dayStartId} className="field__label">
            A new study day starts at
          </label>
          <select
            id={dayStartId}
            value={settings.dayStartHour}
            aria-describedby={`${dayStartId}-hint`}
            onChange={(e) => void save({ dayStartHour: Number(e.currentTarget.value) })}
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {`${String(h).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
          <p id={`${dayStartId}-hint`} className="field__hint">
            Daily limits and statistics count days from this hour.
          </p>
        </div>
      </div>
      <CheckboxField
        label="New questions only after reading the chapter"
        checked={settings.requireReading}
        hint="A chapter's new questions enter your reviews once you have opened the chapter."
        onSave={(v) => save({ requireReading: v })}
      />
    </section>
  );
}
