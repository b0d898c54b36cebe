/** Per-pack daily limits and desired retention; an empty box means "use the global value". */
import type { AppSettings, PackOverride } from '../../core/settings';
import { newPerDaySchema, retentionSchema, reviewsPerDaySchema, setPackOverride } from '../../core/settings';
import { NumberField, type NumberFieldProps } from './fields';

type OverrideField = 'newPerDay' | 'reviewsPerDay' | 'desiredRetention';

/** The fields a pack can override, with the global value an empty box stands for. */
const OVERRIDE_FIELDS: (Pick<
  NumberFieldProps,
  'label' | 'min' | 'max' | 'step' | 'integer' | 'format' | 'schema'
> & {
  field: OverrideField;
  global: (settings: AppSettings) => string | number;
})[] = [
  {
    field: 'newPerDay',
    label: 'New questions per day',
    min: 0,
    max: 9999,
    integer: true,
    schema: newPerDaySchema,
    global: (s) => s.newPerDay,
  },
  {
    field: 'reviewsPerDay',
    label: 'Reviews per day',
    min: 0,
    max: 99999,
    integer: true,
    schema: reviewsPerDaySchema,
    global: (s) => s.reviewsPerDay,
  },
  {
    field: 'desiredRetention',
    label: 'Desired retention',
    min: 0.7,
    max: 0.97,
    step: 0.01,
    format: (v) => v.toFixed(2),
    schema: retentionSchema,
    global: (s) => s.desiredRetention.toFixed(2),
  },
];

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
      {OVERRIDE_FIELDS.map(({ field, global, ...shape }) => (
        <NumberField
          key={field}
          {...shape}
          value={current[field] ?? null}
          allowEmpty
          hint={`Empty: the global value (${global(settings)}).`}
          onSave={saveField(field)}
        />
      ))}
    </div>
  );
}
