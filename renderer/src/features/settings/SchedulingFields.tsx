/**
 * The scheduling values both Settings ▸ Study (the global defaults) and a preset's editor show:
 * desired retention, daily limits, maximum interval, learning and relearning steps — the same labels,
 * limits and hints in both places, each saved on its own.
 */
import type { StepText } from '../../core/settings';
import {
  maximumIntervalSchema,
  newPerDaySchema,
  retentionSchema,
  reviewsPerDaySchema,
} from '../../core/settings';
import { NumberField, StepsField } from './fields';

/** The values shown. */
export interface SchedulingValues {
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  maximumIntervalDays: number;
  learningSteps: StepText[];
  relearningSteps: StepText[];
}

type NumberKey = 'newPerDay' | 'reviewsPerDay' | 'maximumIntervalDays';

/** The whole-number fields, in the order shown. */
const WHOLE_NUMBERS: {
  key: NumberKey;
  label: string;
  min: number;
  max: number;
  schema: typeof newPerDaySchema;
  hint?: string;
}[] = [
  { key: 'newPerDay', label: 'New questions per day', min: 0, max: 9999, schema: newPerDaySchema },
  { key: 'reviewsPerDay', label: 'Reviews per day', min: 0, max: 99999, schema: reviewsPerDaySchema },
  {
    key: 'maximumIntervalDays',
    label: 'Maximum interval (days)',
    min: 1,
    max: 36500,
    schema: maximumIntervalSchema,
    hint: 'No question waits longer than this between reviews.',
  },
];

export interface SchedulingFieldsProps {
  values: SchedulingValues;
  /** Saves one changed value; resolves false when it was not saved. */
  save: (patch: Partial<SchedulingValues>) => Promise<boolean>;
}

export function SchedulingFields({ values, save }: SchedulingFieldsProps) {
  // An emptied number field saves nothing (every one of these needs a value).
  const saveNumber = (patch: (v: number) => Partial<SchedulingValues>) => (v: number | null) =>
    v === null ? Promise.resolve(false) : save(patch(v));
  return (
    <>
      <NumberField
        label="Desired retention"
        value={values.desiredRetention}
        min={0.7}
        max={0.97}
        step={0.01}
        format={(v) => v.toFixed(2)}
        schema={retentionSchema}
        hint="The share of reviews you want to recall, 0.70–0.97. Higher means more reviews."
        onSave={saveNumber((desiredRetention) => ({ desiredRetention }))}
      />
      {WHOLE_NUMBERS.map((f) => (
        <NumberField
          key={f.key}
          label={f.label}
          value={values[f.key]}
          min={f.min}
          max={f.max}
          integer
          schema={f.schema}
          {...(f.hint ? { hint: f.hint } : {})}
          onSave={saveNumber((v) => ({ [f.key]: v }))}
        />
      ))}
      <StepsField
        label="Learning steps"
        value={values.learningSteps}
        hint="Waits before a new question graduates, e.g. “1m 10m” (m minutes, h hours, d days)."
        onSave={(learningSteps) => save({ learningSteps })}
      />
      <StepsField
        label="Relearning steps"
        value={values.relearningSteps}
        hint="Waits after a forgotten question, e.g. “10m”."
        onSave={(relearningSteps) => save({ relearningSteps })}
      />
    </>
  );
}
