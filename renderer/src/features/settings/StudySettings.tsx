/** Global scheduling settings: retention, daily limits, steps, maximum interval, reading rule, day start. */
import { useId } from 'react';
import type { AppSettings } from '../../core/settings';
import {
  keepAnswersDaysSchema,
  maximumIntervalSchema,
  newPerDaySchema,
  retentionSchema,
  reviewsPerDaySchema,
} from '../../core/settings';
import { CheckboxField, NumberField, StepsField } from './fields';

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
        <NumberField
          label="Desired retention"
          value={settings.desiredRetention}
          min={0.7}
          max={0.97}
          step={0.01}
          format={(v) => v.toFixed(2)}
          schema={retentionSchema}
          hint="The share of reviews you want to recall, 0.70–0.97. Higher means more reviews."
          onSave={(v) => save({ desiredRetention: v ?? undefined })}
        />
        <NumberField
          label="New questions per day"
          value={settings.newPerDay}
          min={0}
          max={9999}
          integer
          schema={newPerDaySchema}
          onSave={(v) => save({ newPerDay: v ?? undefined })}
        />
        <NumberField
          label="Reviews per day"
          value={settings.reviewsPerDay}
          min={0}
          max={99999}
          integer
          schema={reviewsPerDaySchema}
          onSave={(v) => save({ reviewsPerDay: v ?? undefined })}
        />
        <NumberField
          label="Maximum interval (days)"
          value={settings.maximumIntervalDays}
          min={1}
          max={36500}
          integer
          schema={maximumIntervalSchema}
          hint="No question waits longer than this between reviews."
          onSave={(v) => save({ maximumIntervalDays: v ?? undefined })}
        />
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
        <StepsField
          label="Learning steps"
          value={settings.learningSteps}
          hint="Waits before a new question graduates, e.g. “1m 10m” (m minutes, h hours, d days)."
          onSave={(steps) => save({ learningSteps: steps })}
        />
        <StepsField
          label="Relearning steps"
          value={settings.relearningSteps}
          hint="Waits after a forgotten question, e.g. “10m”."
          onSave={(steps) => save({ relearningSteps: steps })}
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
