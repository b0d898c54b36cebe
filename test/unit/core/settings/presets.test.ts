import { describe, expect, it } from 'vitest';
import {
  assignPresetPatch,
  createDefaultSettings,
  DEFAULT_PRESET_ID,
  deletePresetPatch,
  listPresets,
  newPresetId,
  packRetentions,
  parseSettings,
  presetById,
  presetPatch,
  resolveSchedulingSettings,
  updateSettings,
} from '../../../../renderer/src/core/settings';

const W = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);

describe('scheduling presets', () => {
  it('a pack uses its preset: retention, limits, steps, easy days and fitted parameters', () => {
    let s = createDefaultSettings();
    const id = newPresetId(s);
    const exam = {
      ...presetById(s, DEFAULT_PRESET_ID),
      name: 'Exam cram',
      desiredRetention: 0.95,
      newPerDay: 50,
      learningSteps: ['5m' as const],
      easyDays: ['normal', 'normal', 'normal', 'normal', 'normal', 'minimum', 'minimum'] as const,
      parameters: W,
    };
    s = updateSettings(s, presetPatch(s, id, { ...exam, easyDays: [...exam.easyDays] })).settings;
    s = updateSettings(s, assignPresetPatch(s, 'anatomy', id)).settings;
    const r = resolveSchedulingSettings(s, 'anatomy');
    expect(r.desiredRetention).toBe(0.95);
    expect(r.newPerDay).toBe(50);
    expect(r.learningSteps).toEqual(['5m']);
    expect(r.easyDays[6]).toBe('minimum');
    expect(r.parameters).toEqual(W);
    expect(resolveSchedulingSettings(s, 'other').desiredRetention).toBe(0.9);
    expect(packRetentions(s)).toEqual({ anatomy: 0.95 });
    expect(listPresets(s).map((p) => p.preset.name)).toEqual(['Default', 'Exam cram']);
  });

  it('editing the Default preset changes the top-level values every unassigned pack uses', () => {
    let s = createDefaultSettings();
    s = updateSettings(
      s,
      presetPatch(s, DEFAULT_PRESET_ID, {
        ...presetById(s, 'default'),
        reviewsPerDay: 80,
        parameters: W,
        optimizedAt: 5,
      }),
    ).settings;
    expect(s.reviewsPerDay).toBe(80);
    expect(s.parameters).toEqual(W);
    expect(s.optimizedAt).toBe(5);
    expect(resolveSchedulingSettings(s, 'any').parameters).toEqual(W);
  });

  it('deleting a preset puts its packs back on the Default preset', () => {
    let s = createDefaultSettings();
    s = updateSettings(
      s,
      presetPatch(s, 'preset-1', { ...presetById(s, 'default'), name: 'Slow', newPerDay: 3 }),
    ).settings;
    s = updateSettings(s, assignPresetPatch(s, 'p', 'preset-1')).settings;
    expect(resolveSchedulingSettings(s, 'p').newPerDay).toBe(3);
    s = updateSettings(s, deletePresetPatch(s, 'preset-1')).settings;
    expect(s.packPresets).toEqual({});
    expect(resolveSchedulingSettings(s, 'p').newPerDay).toBe(20);
  });

  it('a damaged stored preset is dropped with a message naming it, and its pack uses the Default preset', () => {
    const { settings, ignored } = parseSettings({
      presets: { 'preset-1': { name: 'Bad', desiredRetention: 2 } },
      packPresets: { p: 'preset-1' },
    });
    expect(settings.presets).toEqual({});
    expect(ignored[0]?.path?.slice(0, 2)).toEqual(['presets', 'preset-1']);
    expect(resolveSchedulingSettings(settings, 'p').desiredRetention).toBe(0.9);
  });

  it('refuses parameters that are not 21 numbers', () => {
    const { settings, ignored } = parseSettings({ parameters: [1, 2, 3] });
    expect(settings.parameters).toEqual([]);
    expect(ignored[0]?.path).toEqual(['parameters']);
  });
});
