/** The values of one scheduling preset: retention, daily limits, steps, maximum interval, easy days. */
import type { AppSettings, Preset } from '../../core/settings';
import { presetNameSchema, presetPatch } from '../../core/settings';
import { EasyDaysField } from './EasyDaysField';
import { SchedulingFields } from './SchedulingFields';
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
        <SchedulingFields
          values={preset}
          save={(change) => {
            if (change.desiredRetention !== undefined) onRetentionChanged?.();
            return put(change);
          }}
        />
      </div>
      <EasyDaysField value={preset.easyDays} onSave={(easyDays) => put({ easyDays })} />
    </>
  );
}
