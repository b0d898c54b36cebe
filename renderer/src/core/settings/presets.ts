/**
 * Scheduling presets (Anki's deck-options presets): named sets of desired retention, steps, maximum
 * interval, daily limits, easy days and FSRS parameters, each assigned to any number of packs. The
 * Default preset is the top-level settings; a pack with no preset (or one since deleted) uses it.
 * Per-pack overrides from older settings become presets of their own when settings are parsed.
 */
import type { Diagnostic } from '../pack/diagnostics';
import { idSchema } from '../pack/schema';
import {
  type AppSettings,
  DEFAULT_PRESET_ID,
  type PackOverride,
  type Preset,
  presetIdSchema,
  presetSchema,
  type SchedulingSettings,
} from './schema';

/** The Default preset's values, as a {@link Preset}. */
export function defaultPreset(settings: AppSettings): Preset {
  return {
    name: 'Default',
    desiredRetention: settings.desiredRetention,
    learningSteps: [...settings.learningSteps],
    relearningSteps: [...settings.relearningSteps],
    maximumIntervalDays: settings.maximumIntervalDays,
    newPerDay: settings.newPerDay,
    reviewsPerDay: settings.reviewsPerDay,
    easyDays: [...settings.easyDays],
    parameters: [...settings.parameters],
    ...(settings.optimizedAt > 0 ? { optimizedAt: settings.optimizedAt } : {}),
  };
}

/** Every preset, Default first, then the others by name. */
export function listPresets(settings: AppSettings): { id: string; preset: Preset }[] {
  const others = Object.entries(settings.presets)
    .map(([id, preset]) => ({ id, preset }))
    .sort((a, b) => a.preset.name.localeCompare(b.preset.name));
  return [{ id: DEFAULT_PRESET_ID, preset: defaultPreset(settings) }, ...others];
}

/** The preset `id` (the Default one when `id` is unknown). */
export function presetById(settings: AppSettings, id: string): Preset {
  return (
    (id !== DEFAULT_PRESET_ID && Object.hasOwn(settings.presets, id) ? settings.presets[id] : undefined) ??
    defaultPreset(settings)
  );
}

/** The id of the preset `packId` uses (the Default one unless assigned to an existing preset). */
export function presetIdOf(settings: AppSettings, packId: string): string {
  const id = Object.hasOwn(settings.packPresets, packId) ? settings.packPresets[packId] : undefined;
  return id !== undefined && Object.hasOwn(settings.presets, id) ? id : DEFAULT_PRESET_ID;
}

/** The packs assigned to preset `id` (the Default preset: none listed; it is every other pack's). */
export function packsOfPreset(settings: AppSettings, id: string): string[] {
  return Object.entries(settings.packPresets)
    .filter(([, p]) => p === id)
    .map(([packId]) => packId);
}

/** The scheduling settings for one pack: its preset's values (with any legacy override on top). */
export function resolveSchedulingSettings(settings: AppSettings, packId: string): SchedulingSettings {
  const p = presetById(settings, presetIdOf(settings, packId));
  const o = Object.hasOwn(settings.packOverrides, packId) ? settings.packOverrides[packId] : undefined;
  return {
    desiredRetention: o?.desiredRetention ?? p.desiredRetention,
    learningSteps: [...(o?.learningSteps ?? p.learningSteps)],
    relearningSteps: [...(o?.relearningSteps ?? p.relearningSteps)],
    maximumIntervalDays: o?.maximumIntervalDays ?? p.maximumIntervalDays,
    newPerDay: o?.newPerDay ?? p.newPerDay,
    reviewsPerDay: o?.reviewsPerDay ?? p.reviewsPerDay,
    loadBalancing: settings.loadBalancing,
    easyDays: [...p.easyDays],
    parameters: [...p.parameters],
  };
}

/** Desired retention by pack id, for every pack whose preset is not the Default one (or with a legacy override). */
export function packRetentions(settings: AppSettings): Record<string, number> {
  const out: Record<string, number> = {};
  const packIds = new Set([...Object.keys(settings.packPresets), ...Object.keys(settings.packOverrides)]);
  for (const packId of packIds) {
    const own =
      presetIdOf(settings, packId) !== DEFAULT_PRESET_ID || Object.hasOwn(settings.packOverrides, packId);
    if (own) out[packId] = resolveSchedulingSettings(settings, packId).desiredRetention;
  }
  return out;
}

/**
 * The settings change that stores `preset` as preset `id` (the Default preset's values go to the
 * top-level fields; its name stays "Default").
 */
export function presetPatch(settings: AppSettings, id: string, preset: Preset): Partial<AppSettings> {
  if (id === DEFAULT_PRESET_ID) {
    const { name: _n, optimizedAt, ...values } = preset;
    return { ...values, optimizedAt: optimizedAt ?? 0 };
  }
  return { presets: { ...settings.presets, [id]: preset } };
}

/** A new preset id not used yet. */
export function newPresetId(settings: AppSettings): string {
  let n = Object.keys(settings.presets).length + 1;
  while (Object.hasOwn(settings.presets, `preset-${n}`)) n++;
  return `preset-${n}`;
}

/** The change that deletes preset `id`: its packs go back to the Default preset. */
export function deletePresetPatch(settings: AppSettings, id: string): Partial<AppSettings> {
  const presets = { ...settings.presets };
  delete presets[id];
  const packPresets = Object.fromEntries(Object.entries(settings.packPresets).filter(([, p]) => p !== id));
  return { presets, packPresets };
}

/** The change that makes `packId` use preset `id` (the Default preset: the assignment is removed). */
export function assignPresetPatch(settings: AppSettings, packId: string, id: string): Partial<AppSettings> {
  const packPresets = { ...settings.packPresets };
  if (id === DEFAULT_PRESET_ID) delete packPresets[packId];
  else packPresets[packId] = id;
  return { packPresets };
}

/** Reads stored presets: each bad preset is dropped with a diagnostic naming it. */
export function parsePresets(raw: Record<string, unknown>, ignored: Diagnostic[]): Record<string, Preset> {
  const out: Record<string, Preset> = {};
  for (const [id, value] of Object.entries(raw)) {
    if (!presetIdSchema.safeParse(id).success || id === DEFAULT_PRESET_ID) {
      ignored.push({ message: 'not a preset id, preset ignored', path: ['presets', id] });
      continue;
    }
    const result = presetSchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      ignored.push({
        message: `${issue?.message ?? 'invalid'}; preset ignored (its packs use the Default preset)`,
        path: ['presets', id, ...(issue?.path.map(String) ?? [])],
      });
      continue;
    }
    const { optimizedAt, ...rest } = result.data;
    out[id] = {
      ...rest,
      learningSteps: [...rest.learningSteps],
      relearningSteps: [...rest.relearningSteps],
      ...(optimizedAt ? { optimizedAt } : {}),
    };
  }
  return out;
}

/** Reads stored pack → preset assignments (bad pack or preset ids are dropped). */
export function parsePackPresets(
  raw: Record<string, unknown>,
  ignored: Diagnostic[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [packId, id] of Object.entries(raw)) {
    if (
      !idSchema.safeParse(packId).success ||
      typeof id !== 'string' ||
      !presetIdSchema.safeParse(id).success
    ) {
      ignored.push({ message: 'not a pack and preset id, ignored', path: ['packPresets', packId] });
      continue;
    }
    out[packId] = id;
  }
  return out;
}

/**
 * Turns older per-pack overrides into presets: pack `p`'s override becomes preset `pack-p` (named
 * "Pack p", the Default values with the override laid over them) assigned to `p`. Returns the
 * settings with `packOverrides` emptied.
 */
export function migratePackOverrides(settings: AppSettings): AppSettings {
  const entries = Object.entries(settings.packOverrides);
  if (entries.length === 0) return settings;
  const presets = { ...settings.presets };
  const packPresets = { ...settings.packPresets };
  for (const [packId, o] of entries) {
    const base = presetById(settings, presetIdOf(settings, packId));
    const id = `pack-${packId}`.slice(0, 128);
    presets[id] = overlay({ ...base, name: `Pack ${packId}`.slice(0, 60) }, o);
    packPresets[packId] = id;
  }
  return { ...settings, presets, packPresets, packOverrides: {} };
}

function overlay(p: Preset, o: PackOverride): Preset {
  return {
    ...p,
    desiredRetention: o.desiredRetention ?? p.desiredRetention,
    learningSteps: [...(o.learningSteps ?? p.learningSteps)],
    relearningSteps: [...(o.relearningSteps ?? p.relearningSteps)],
    maximumIntervalDays: o.maximumIntervalDays ?? p.maximumIntervalDays,
    newPerDay: o.newPerDay ?? p.newPerDay,
    reviewsPerDay: o.reviewsPerDay ?? p.reviewsPerDay,
  };
}
