import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDefaultSettings,
  DEFAULT_SETTINGS,
  parseSettings,
  resolveSchedulingSettings,
  setPackOverride,
  settingsSchema,
  updateSettings,
} from '../../../../renderer/src/core/settings';

describe('parseSettings', () => {
  it('gives the documented defaults for nothing stored', () => {
    const { settings, ignored } = parseSettings(undefined);
    expect(ignored).toEqual([]);
    expect(settings).toEqual({
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
  });

  it('keeps valid fields and falls back per field, reporting each ignored value', () => {
    const { settings, ignored } = parseSettings({
      desiredRetention: 0.99,
      theme: 'dark',
      fontScale: 3,
      learningSteps: ['5m', 'soon'],
      newPerDay: 7,
      colour: 'red',
    });
    expect(settings.theme).toBe('dark');
    expect(settings.newPerDay).toBe(7);
    expect(settings.desiredRetention).toBe(0.9);
    expect(settings.fontScale).toBe(1);
    expect(settings.learningSteps).toEqual(['1m', '10m']);
    expect(ignored.map((d) => d.path)).toEqual([
      ['colour'],
      ['desiredRetention'],
      ['learningSteps'],
      ['fontScale'],
    ]);
    expect(ignored[1]?.message).toContain('at most 0.97');
  });

  it('accepts the range limits and refuses just outside them', () => {
    expect(parseSettings({ desiredRetention: 0.7 }).settings.desiredRetention).toBe(0.7);
    expect(parseSettings({ desiredRetention: 0.97 }).settings.desiredRetention).toBe(0.97);
    expect(parseSettings({ desiredRetention: 0.69 }).settings.desiredRetention).toBe(0.9);
    expect(parseSettings({ fontScale: 0.85 }).settings.fontScale).toBe(0.85);
    expect(parseSettings({ fontScale: 1.51 }).settings.fontScale).toBe(1);
    expect(parseSettings({ theme: 'blue' }).settings.theme).toBe('system');
  });

  it('parses pack overrides field by field, drops bad pack ids, and makes each a preset of its own', () => {
    const { settings, ignored } = parseSettings({
      packOverrides: {
        good: { newPerDay: 5, desiredRetention: 0.5, extra: 1 },
        'bad id!': { newPerDay: 1 },
        empty: { desiredRetention: 2 },
        notObject: 3,
      },
    });
    // Overrides from older settings become presets (Default values with the override laid over them).
    expect(settings.packOverrides).toEqual({});
    expect(settings.packPresets).toEqual({ good: 'pack-good' });
    expect(settings.presets['pack-good']).toEqual({
      name: 'Pack good',
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      maximumIntervalDays: 36_500,
      newPerDay: 5,
      reviewsPerDay: 200,
      easyDays: ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'normal'],
      parameters: [],
    });
    expect(resolveSchedulingSettings(settings, 'good').newPerDay).toBe(5);
    expect(resolveSchedulingSettings(settings, 'other').newPerDay).toBe(20);
    expect(ignored.map((d) => d.path)).toEqual([
      ['packOverrides', 'good', 'desiredRetention'],
      ['packOverrides', 'good', 'extra'],
      ['packOverrides', 'bad id!'],
      ['packOverrides', 'empty', 'desiredRetention'],
      ['packOverrides', 'notObject'],
    ]);
  });

  it('resolves a pack override over the global values', () => {
    const s = setPackOverride(createDefaultSettings(), 'p', { newPerDay: 5, learningSteps: ['2m'] }).settings;
    expect(resolveSchedulingSettings(s, 'p')).toEqual({
      desiredRetention: 0.9,
      learningSteps: ['2m'],
      relearningSteps: ['10m'],
      maximumIntervalDays: 36_500,
      newPerDay: 5,
      reviewsPerDay: 200,
      loadBalancing: true,
      easyDays: ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'normal'],
      parameters: [],
    });
    expect(resolveSchedulingSettings(s, 'other').newPerDay).toBe(20);
    expect(setPackOverride(s, 'p', null).settings.packOverrides).toEqual({});
    expect(resolveSchedulingSettings(setPackOverride(s, 'p', null).settings, 'p').newPerDay).toBe(20);
  });

  it('keeps the current value when an update is invalid', () => {
    const current = updateSettings(createDefaultSettings(), { theme: 'dark' }).settings;
    const next = updateSettings(current, { theme: 'neon' as 'dark', reduceMotion: true });
    expect(next.settings.theme).toBe('dark');
    expect(next.settings.reduceMotion).toBe(true);
    expect(next.ignored).toHaveLength(1);
  });

  it('does not share arrays with the frozen defaults', () => {
    const s = createDefaultSettings();
    s.learningSteps.push('1d');
    expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m']);
  });

  it('never throws and always returns settings the strict schema accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_SETTINGS)), fc.anything()),
        ),
        (input) => {
          const { settings } = parseSettings(input);
          expect(settingsSchema.safeParse(settings).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
