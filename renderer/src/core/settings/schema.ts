/**
 * App settings: one zod schema with a default for every field. Settings are stored as one JSON value
 * and are untrusted on the way back in (old versions, hand edits, backups), so every field is parsed on
 * its own and falls back to its default when it is missing or out of range (see `parseSettings`).
 */
import { z } from 'zod';

/** A learning step as ts-fsrs writes it (its `StepUnit`): e.g. `10m`, `1h`, `2d`. */
export type StepText = `${number}${'m' | 'h' | 'd'}`;

/** A step: a positive whole number of minutes, hours or days. */
export const stepSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}[mhd]$/, 'must be a whole number of minutes, hours or days, e.g. "10m"')
  .transform((s) => s as StepText);

/** Desired retention: FSRS schedules so that this share of reviews is recalled. */
export const retentionSchema = z.number().min(0.7, 'must be at least 0.70').max(0.97, 'must be at most 0.97');
/** A list of learning steps (at most 20; empty means none). */
export const stepsSchema = z.array(stepSchema).max(20, 'at most 20 steps');
/** Longest interval in days, 1–36 500. */
export const maximumIntervalSchema = z.number().int().min(1).max(36_500);
/** New questions per day, 0–9 999. */
export const newPerDaySchema = z.number().int().min(0).max(9_999);
/** Reviews per day, 0–99 999. */
export const reviewsPerDaySchema = z.number().int().min(0).max(99_999);
/** Follow the system, or force light or dark. */
export const themeSchema = z.enum(['system', 'light', 'dark']);
/** Font size multiplier, 0.85–1.5. */
export const fontScaleSchema = z.number().min(0.85).max(1.5);
/** How much of a normal load a weekday gets (see core/scheduler/load-balance). */
export const easyDaySchema = z.enum(['normal', 'reduced', 'minimum']);
/** Seven easy-day values, Monday first. */
export const easyDaysSchema = z.array(easyDaySchema).length(7, 'must list the 7 weekdays, Monday first');
/** Local hour at which a study day starts, 0–23. */
export const dayStartHourSchema = z.number().int().min(0).max(23);
/** Days the review log keeps what was answered. */
export const keepAnswersDaysSchema = z.number().int().min(0).max(3650);

/** Scheduling settings a pack may override; a missing field uses the global value. */
export const packOverrideSchema = z.strictObject({
  desiredRetention: retentionSchema.optional(),
  learningSteps: stepsSchema.optional(),
  relearningSteps: stepsSchema.optional(),
  maximumIntervalDays: maximumIntervalSchema.optional(),
  newPerDay: newPerDaySchema.optional(),
  reviewsPerDay: reviewsPerDaySchema.optional(),
});

/** FSRS-6 parameters: 21 finite numbers, or none (ts-fsrs's defaults). */
export const parametersSchema = z
  .array(z.number().refine(Number.isFinite, 'must be a number'))
  .refine((w) => w.length === 0 || w.length === 21, 'must be 21 FSRS-6 parameters or none');
/** A preset's name: 1–60 characters. */
export const presetNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'at most 60 characters');
/** A preset id (also used in stored settings): letters, digits, `-` and `_`. */
export const presetIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'not a preset id');

/**
 * A named scheduling preset (Anki's deck options preset): assigned to any number of packs. The
 * Default preset is the top-level settings (id {@link DEFAULT_PRESET_ID}); the others live in
 * `presets`.
 */
export interface Preset {
  name: string;
  desiredRetention: number;
  learningSteps: StepText[];
  relearningSteps: StepText[];
  maximumIntervalDays: number;
  newPerDay: number;
  reviewsPerDay: number;
  easyDays: EasyDay[];
  /** Fitted FSRS-6 parameters, or empty for the defaults. */
  parameters: number[];
  /** When the parameters were last fitted (epoch ms), if ever. */
  optimizedAt?: number;
}

/** The schema of one stored {@link Preset}. */
export const presetSchema = z.strictObject({
  name: presetNameSchema,
  desiredRetention: retentionSchema,
  learningSteps: stepsSchema,
  relearningSteps: stepsSchema,
  maximumIntervalDays: maximumIntervalSchema,
  newPerDay: newPerDaySchema,
  reviewsPerDay: reviewsPerDaySchema,
  easyDays: easyDaysSchema,
  parameters: parametersSchema,
  optimizedAt: z.number().int().min(0).optional(),
});

/** The id of the Default preset (the top-level settings). */
export const DEFAULT_PRESET_ID = 'default';

/** A pack's overrides of the scheduling settings. */
export type PackOverride = z.infer<typeof packOverrideSchema>;
/** The colour theme setting. */
export type Theme = z.infer<typeof themeSchema>;

/** Every app setting. */
export interface AppSettings {
  desiredRetention: number;
  learningSteps: StepText[];
  relearningSteps: StepText[];
  maximumIntervalDays: number;
  newPerDay: number;
  reviewsPerDay: number;
  /**
   * Per-pack overrides of the scheduling settings above, by pack id: read from older settings only,
   * each becomes a preset of its own when settings are parsed (so this is empty after parsing).
   */
  packOverrides: Record<string, PackOverride>;
  /** Named presets besides the Default one (whose values are the top-level fields), by id. */
  presets: Record<string, Preset>;
  /** Which preset each pack uses, by pack id (missing: the Default preset). */
  packPresets: Record<string, string>;
  /** The Default preset's fitted FSRS-6 parameters (empty: ts-fsrs's defaults). */
  parameters: number[];
  /** When the Default preset's parameters were last fitted (epoch ms; 0: never). */
  optimizedAt: number;
  /** "New questions only after reading the chapter". */
  requireReading: boolean;
  /** Spread reviews over the days of their fuzz range, preferring days with fewer due (Anki's load balancer). */
  loadBalancing: boolean;
  /** Easy days, Monday first: weekdays that get a reduced or minimum share of reviews. */
  easyDays: EasyDay[];
  theme: Theme;
  /** Multiplies the base font size, 0.85–1.5. */
  fontScale: number;
  reduceMotion: boolean;
  /** Hour (local time, 0–23) at which a study day starts; 0 is midnight. Statistics group days by it. */
  dayStartHour: number;
  /**
   * Days the review log keeps what was answered (the numbers stay forever): 0–3650; 3650 keeps them
   * for ten years. Browse's history shows "(answer not kept)" for older answers.
   */
  keepAnswersDays: number;
}

/** An easy-day value. */
export type EasyDay = z.infer<typeof easyDaySchema>;

/** The scheduling settings that apply to one pack (global values with the pack's overrides applied). */
export type SchedulingSettings = Required<PackOverride> & {
  loadBalancing: boolean;
  easyDays: EasyDay[];
  /** Fitted FSRS parameters (empty: defaults). */
  parameters: number[];
};

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<AppSettings> = Object.freeze<AppSettings>({
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumIntervalDays: 36_500,
  newPerDay: 20,
  reviewsPerDay: 200,
  packOverrides: {},
  presets: {},
  packPresets: {},
  parameters: [],
  optimizedAt: 0,
  requireReading: true,
  loadBalancing: true,
  easyDays: ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'normal'],
  theme: 'system',
  fontScale: 1,
  reduceMotion: false,
  dayStartHour: 0,
  keepAnswersDays: 30,
});

/** The schema of each top-level field, used to parse fields one by one. */
export const SETTINGS_FIELDS = {
  desiredRetention: retentionSchema,
  learningSteps: stepsSchema,
  relearningSteps: stepsSchema,
  maximumIntervalDays: maximumIntervalSchema,
  newPerDay: newPerDaySchema,
  reviewsPerDay: reviewsPerDaySchema,
  packOverrides: z.record(z.string(), z.unknown()),
  presets: z.record(z.string(), z.unknown()),
  packPresets: z.record(z.string(), z.unknown()),
  parameters: parametersSchema,
  optimizedAt: z.number().int().min(0),
  requireReading: z.boolean(),
  loadBalancing: z.boolean(),
  easyDays: easyDaysSchema,
  theme: themeSchema,
  fontScale: fontScaleSchema,
  reduceMotion: z.boolean(),
  dayStartHour: dayStartHourSchema,
  keepAnswersDays: keepAnswersDaysSchema,
} as const satisfies { [K in keyof AppSettings]: z.ZodType };

/** The whole settings object, strict: what `parseSettings` always returns satisfies it. */
export const settingsSchema = z.strictObject({
  ...SETTINGS_FIELDS,
  packOverrides: z.record(z.string(), packOverrideSchema),
  presets: z.record(presetIdSchema, presetSchema),
  packPresets: z.record(z.string(), presetIdSchema),
});
