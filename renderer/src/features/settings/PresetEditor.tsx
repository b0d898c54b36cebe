/** The values of one scheduling preset: retention, daily limits, steps, maximum interval, easy days. */
import type { AppSettings, Preset, StepText } from '../../core/settings';
import {
  maximumIntervalSchema,
  newPerDaySchema,
  presetNameSchema,
  presetPatch,
  retentionSchema,
  reviewsPerDaySchema,
} from '../../core/settings';
import { EasyDaysField } from './EasyDaysField';
import { NumberField, StepsField } from './fields';
import { TextField } from './TextField';

export interface PresetEditorProps {
  id: string;
  preset: Preset;
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
  /** The Default preset keeps its name. */
  renamable: boolean;
  /** Called when the desired retention changes (the existing schedule does not know it yet). */
  onRetentionChanged?: () => void;
}

export function PresetEditor({
  id,
  preset,
  settings,
  save,
  renamable,
  onRetentionChanged,
}: PresetEditorProps) {
  const put = (change: Partial<Preset>) => save(presetPatch(settings, id, { ...preset, ...change }));
  return (
    <>
      <div className="field-grid">
        {renamable ? (
          <TextField
            label="Preset name"
            value={preset.name}
            schema={presetNameSchema}
            onSave={(name) => put({ name })}
          />
        ) : null}
        <NumberField
          label="Desired retention"
          value={preset.desiredRetention}
          min={0.7}
          max={0.97}
          step={0.01}
          format={(v) => v.toFixed(2)}
          schema={retentionSchema}
          hint="The share of reviews you want to recall, 0.70–0.97."
          onSave={(v) => {
            if (v === null) return Promise.resolve(false);
            onRetentionChanged?.();
            return put({ desiredRetention: v });
          }}
        />
        <NumberField
          label="New questions per day"
          value={preset.newPerDay}
          min={0}
          max={9999}
          integer
          schema={newPerDaySchema}
          onSave={(v) => (v === null ? Promise.resolve(false) : put({ newPerDay: v }))}
        />
        <NumberField
          label="Reviews per day"
          value={preset.reviewsPerDay}
          min={0}
          max={99999}
          integer
          schema={reviewsPerDaySchema}
          onSave={(v) => (v === null ? Promise.resolve(false) : put({ reviewsPerDay: v }))}
        />
        <NumberField
          label="Maximum interval (days)"
          value={preset.maximumIntervalDays}
          min={1}
          max={36500}
          integer
          schema={maximumIntervalSchema}
          onSave={(v) => (v === null ? Promise.resolve(false) : put({ maximumIntervalDays: v }))}
        />
        <StepsField
          label="Learning steps"
          value={preset.learningSteps}
          hint="e.g. “1m 10m” (m minutes, h hours, d days)."
          onSave={(steps: StepText[]) => put({ learningSteps: steps })}
        />
        <StepsField
          label="Relearning steps"
          value={preset.relearningSteps}
          hint="e.g. “10m”."
          onSave={(steps: StepText[]) => put({ relearningSteps: steps })}
        />
      </div>
      <EasyDaysField value={preset.easyDays} onSave={(easyDays) => put({ easyDays })} />
    </>
  );
}
