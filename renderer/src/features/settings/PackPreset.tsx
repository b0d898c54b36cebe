/** Which scheduling preset a pack uses (Settings ▸ Packs). */
import { useId } from 'react';
import type { AppSettings } from '../../core/settings';
import { assignPresetPatch, listPresets, presetIdOf } from '../../core/settings';

export interface PackPresetProps {
  packId: string;
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
}

export function PackPreset({ packId, settings, save }: PackPresetProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Scheduling preset
      </label>
      <select
        id={id}
        value={presetIdOf(settings, packId)}
        aria-describedby={`${id}-hint`}
        onChange={(e) => void save(assignPresetPatch(settings, packId, e.currentTarget.value))}
      >
        {listPresets(settings).map((p) => (
          <option key={p.id} value={p.id}>
            {p.preset.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        Its retention, daily limits, steps and easy days: edit presets under Scheduling.
      </p>
    </div>
  );
}
