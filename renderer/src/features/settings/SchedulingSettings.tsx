/**
 * Settings ▸ Scheduling: load balancing, and the scheduling presets (Anki's deck-options presets):
 * pick one to edit, make a new one from it, delete it; each preset has its own retention, limits,
 * steps, easy days and FSRS parameters (fitted by "Optimize"). Packs choose their preset under Packs.
 */
import { useId, useState } from 'react';
import {
  DEFAULT_PRESET_ID,
  deletePresetPatch,
  listPresets,
  newPresetId,
  packsOfPreset,
  presetById,
} from '../../core/settings';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CheckboxField } from './fields';
import { OptimizePanel } from './OptimizePanel';
import { PresetEditor } from './PresetEditor';
import type { SettingsSectionProps } from './StudySettings';

export function SchedulingSettings({ settings, save }: SettingsSectionProps) {
  const pickId = useId();
  const [chosen, setChosen] = useState(DEFAULT_PRESET_ID);
  const [asking, setAsking] = useState(false);
  const [changed, setChanged] = useState<{ id: string; why: string } | null>(null);
  const presets = listPresets(settings);
  const id = presets.some((p) => p.id === chosen) ? chosen : DEFAULT_PRESET_ID;
  const preset = presetById(settings, id);
  const packCount = packsOfPreset(settings, id).length;

  const create = async () => {
    const newId = newPresetId(settings);
    const ok = await save({
      presets: { ...settings.presets, [newId]: { ...preset, name: `${preset.name} copy`.slice(0, 60) } },
    });
    if (ok) setChosen(newId);
  };

  const remove = async () => {
    setAsking(false);
    if (await save(deletePresetPatch(settings, id))) setChosen(DEFAULT_PRESET_ID);
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-scheduling">
      <h2 id="settings-scheduling">Scheduling</h2>
      <CheckboxField
        label="Load balancing"
        checked={settings.loadBalancing}
        hint="Spread reviews evenly: among the days a review may fall on, prefer those with fewer reviews due (intervals up to 90 days)."
        onSave={(v) => save({ loadBalancing: v })}
      />
      <h3>Presets</h3>
      <p className="field__hint">
        A preset is a set of scheduling options shared by the packs that use it (choose a pack's preset under
        Packs). Packs without one use Default.
      </p>
      <div className="preset-bar">
        <div className="field">
          <label htmlFor={pickId} className="field__label">
            Preset to edit
          </label>
          <select id={pickId} value={id} onChange={(e) => setChosen(e.currentTarget.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.preset.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => void create()}>
          New preset from this one
        </button>
        {id !== DEFAULT_PRESET_ID ? (
          <button type="button" className="secondary" onClick={() => setAsking(true)}>
            Delete preset…
          </button>
        ) : null}
      </div>
      <p className="muted">
        {id === DEFAULT_PRESET_ID
          ? 'Used by every pack without a preset of its own; its retention, limits and steps are also under Study.'
          : `Used by ${packCount} ${packCount === 1 ? 'pack' : 'packs'}.`}
      </p>
      <div key={id}>
        <PresetEditor
          id={id}
          preset={preset}
          settings={settings}
          save={save}
          renamable={id !== DEFAULT_PRESET_ID}
          onRetentionChanged={() => setChanged({ id, why: 'The desired retention changed.' })}
        />
        <OptimizePanel
          presetId={id}
          preset={preset}
          settings={settings}
          save={save}
          askReschedule={changed?.id === id ? changed.why : null}
          onApplied={() => setChanged({ id, why: 'The parameters changed.' })}
        />
      </div>
      <ConfirmDialog
        open={asking}
        title={`Delete the preset “${preset.name}”?`}
        confirmLabel="Delete preset"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      >
        <p>
          Its {packCount} {packCount === 1 ? 'pack goes' : 'packs go'} back to the Default preset. Progress is
          kept.
        </p>
      </ConfirmDialog>
    </section>
  );
}
