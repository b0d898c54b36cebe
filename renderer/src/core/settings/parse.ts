/**
 * Reading settings that may be old, hand-edited or damaged: never throws, keeps every valid field and
 * falls back to the default for each field that is missing or invalid, saying what it ignored.
 */
import type { Diagnostic } from '../pack/diagnostics';
import { idSchema } from '../pack/schema';
import { migratePackOverrides, parsePackPresets, parsePresets } from './presets';
import {
  type AppSettings,
  DEFAULT_SETTINGS,
  type PackOverride,
  packOverrideSchema,
  SETTINGS_FIELDS,
} from './schema';

/** The outcome of `parseSettings`: always usable settings, plus what was ignored and why. */
export interface ParsedSettings {
  settings: AppSettings;
  /** One entry per ignored value (with its JSON path); empty when everything was read. */
  ignored: Diagnostic[];
}

/** A fresh, mutable copy of the defaults. */
export function createDefaultSettings(): AppSettings {
  return structuredCloneSettings(DEFAULT_SETTINGS);
}

/**
 * Parses stored or imported settings. Unknown fields are ignored, invalid fields fall back to their
 * value in `base` (the defaults unless given), invalid pack-override fields are dropped so the global
 * value applies. Never throws.
 */
export function parseSettings(
  input: unknown,
  base: Readonly<AppSettings> = DEFAULT_SETTINGS,
): ParsedSettings {
  const settings = structuredCloneSettings(base);
  const ignored: Diagnostic[] = [];
  if (input === undefined || input === null) return { settings, ignored };
  if (typeof input !== 'object' || Array.isArray(input)) {
    ignored.push({ message: 'settings must be an object; nothing read', path: [] });
    return { settings, ignored };
  }
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in SETTINGS_FIELDS)) ignored.push({ message: 'unknown setting, ignored', path: [key] });
  }
  const fields = Object.keys(SETTINGS_FIELDS) as (keyof AppSettings)[];
  for (const field of fields) {
    if (!(field in record) || record[field] === undefined) continue;
    const result = SETTINGS_FIELDS[field].safeParse(record[field]);
    if (!result.success) {
      const issue = result.error.issues[0];
      ignored.push({ message: `${issue?.message ?? 'invalid'}; value ignored`, path: [field] });
      continue;
    }
    if (field === 'packOverrides') {
      settings.packOverrides = parseOverrides(result.data as Record<string, unknown>, ignored);
    } else if (field === 'presets') {
      settings.presets = parsePresets(result.data as Record<string, unknown>, ignored);
    } else if (field === 'packPresets') {
      settings.packPresets = parsePackPresets(result.data as Record<string, unknown>, ignored);
    } else {
      (settings as unknown as Record<string, unknown>)[field] = result.data;
    }
  }
  return { settings: migratePackOverrides(settings), ignored };
}

function parseOverrides(raw: Record<string, unknown>, ignored: Diagnostic[]): Record<string, PackOverride> {
  const out: Record<string, PackOverride> = {};
  for (const [packId, value] of Object.entries(raw)) {
    if (!idSchema.safeParse(packId).success) {
      ignored.push({ message: 'not a pack id, override ignored', path: ['packOverrides', packId] });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ignored.push({ message: 'an override must be an object, ignored', path: ['packOverrides', packId] });
      continue;
    }
    const override: Record<string, unknown> = {};
    const shape = packOverrideSchema.shape;
    for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      if (fieldValue === undefined) continue;
      const schema = shape[field as keyof typeof shape];
      if (!schema) {
        ignored.push({ message: 'not a per-pack setting, ignored', path: ['packOverrides', packId, field] });
        continue;
      }
      const result = schema.safeParse(fieldValue);
      if (result.success) override[field] = result.data;
      else
        ignored.push({
          message: `${result.error.issues[0]?.message ?? 'invalid'}; using the global value`,
          path: ['packOverrides', packId, field],
        });
    }
    if (Object.keys(override).length > 0) out[packId] = override as PackOverride;
  }
  return out;
}

/**
 * Returns settings with a pack's override applied: the pack gets a preset of its own (`pack-<id>`,
 * its current values with the override laid over them); `null` or an empty override puts the pack
 * back on the Default preset. The result is re-parsed, so an invalid value falls back like a stored
 * one would.
 */
export function setPackOverride(
  settings: AppSettings,
  packId: string,
  override: PackOverride | null,
): ParsedSettings {
  if (override === null || Object.keys(override).length === 0) {
    const packPresets = { ...settings.packPresets };
    delete packPresets[packId];
    return parseSettings({ ...settings, packPresets, packOverrides: {} }, settings);
  }
  return parseSettings({ ...settings, packOverrides: { [packId]: override } }, settings);
}

/** Applies a partial change to settings; an invalid value is reported and the current value kept. */
export function updateSettings(settings: AppSettings, patch: Partial<AppSettings>): ParsedSettings {
  return parseSettings({ ...settings, ...patch }, settings);
}

function structuredCloneSettings(s: Readonly<AppSettings>): AppSettings {
  const packOverrides: Record<string, PackOverride> = {};
  for (const [id, o] of Object.entries(s.packOverrides)) {
    packOverrides[id] = {
      ...o,
      ...(o.learningSteps ? { learningSteps: [...o.learningSteps] } : {}),
      ...(o.relearningSteps ? { relearningSteps: [...o.relearningSteps] } : {}),
    };
  }
  const presets: AppSettings['presets'] = {};
  for (const [id, p] of Object.entries(s.presets)) {
    presets[id] = {
      ...p,
      learningSteps: [...p.learningSteps],
      relearningSteps: [...p.relearningSteps],
      easyDays: [...p.easyDays],
      parameters: [...p.parameters],
    };
  }
  return {
    ...s,
    learningSteps: [...s.learningSteps],
    relearningSteps: [...s.relearningSteps],
    easyDays: [...s.easyDays],
    parameters: [...s.parameters],
    packOverrides,
    presets,
    packPresets: { ...s.packPresets },
  };
}
