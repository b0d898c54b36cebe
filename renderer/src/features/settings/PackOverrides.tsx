/** Per-pack daily limits and desired retention; an empty box means "use the global value". */
import type { AppSettings, PackOverride } from '../../core/settings';
import { newPerDaySchema, retentionSchema, reviewsPerDaySchema, setPackOverride } from '../../core/settings';
import { NumberField } from './fields';

type OverrideField = 'newPerDay' | 'reviewsPerDay' | 'desiredRetention';

export interface PackOverridesProps {
  packId: string;
  settings: AppSettings;
  save: (patch: Partial<AppSettings>) => Promise<boolean>;
}

export function PackOverrides({ packId, settings, save }: PackOverridesProps) {
  const current: PackOverride = Object.hasOwn(settings.packOverrides, packId)
    ? (settings.packOverrides[packId] ?? {})
    : {};

  const saveField = (field: OverrideField) => async (value: number | null) => {
    const next: PackOverride = { ...current };
    if (value === null) delete next[field];
    else next[field] = value;
    const { settings: updated, ignored } = setPackOverride(settings, packId, next);
    if (ignored.length > 0) return false;
    return save({ packOverrides: updated.packOverrides });
  };

  return (
    <div className="field-grid">
      <NumberField
        label="New questions per day"
        value={current.newPerDay ?? null}
        min={0}
        max={9999}
        integer
        allowEmpty
        schema={newPerDaySchema}
        hint={`Empty: the global value (${settings.newPerDay}).`}
        onSave={saveField('newPerDay')}
      />
      <NumberField
        label="Reviews per day"
        value={current.reviewsPerDay ?? null}
        min={0}
        max={99999}
        integer
        allowEmpty
        schema={reviewsPerDaySchema}
        hint={`Empty: the global value (${settings.reviewsPerDay}).`}
        onSave={saveField('reviewsPerDay')}
      />
      <NumberField
        label="Desired retention"
        value={current.desiredRetention ?? null}
        min={0.7}
        max={0.97}
        step={0.01}
        format={(v) => v.toFixed(2)}
        allowEmpty
        schema={retentionSchema}
        hint={`Empty: the global value (${settings.desiredRetention.toFixed(2)}).`}
        onSave={saveField('desiredRetention')}
      />
    </div>
  );
}
