import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeRetrievability,
  DEFAULT_SCHEDULER_SETTINGS,
  formatInterval,
  fromFsrsCard,
  newCard,
  normalizeSchedulerSettings,
  toFsrsCard,
} from '../../../../renderer/src/core/scheduler';

const MIN = 60_000;
const DAY = 86_400_000;

describe('normalizeSchedulerSettings', () => {
  it('fills defaults from nothing', () => {
    expect(normalizeSchedulerSettings(undefined)).toEqual(DEFAULT_SCHEDULER_SETTINGS);
    expect(normalizeSchedulerSettings('junk')).toEqual(DEFAULT_SCHEDULER_SETTINGS);
  });

  it('clamps retention to 0.70–0.97 and drops invalid steps', () => {
    const s = normalizeSchedulerSettings({
      desiredRetention: 0.5,
      learningSteps: ['1m', 'x', '0m', '2h', 5],
      relearningSteps: [],
      maximumIntervalDays: -3,
      newPerDay: 12.6,
      reviewsPerDay: Number.NaN,
    });
    expect(s).toEqual({
      desiredRetention: 0.7,
      learningSteps: ['1m', '2h'],
      relearningSteps: [],
      maximumIntervalDays: 1,
      newPerDay: 13,
      reviewsPerDay: 200,
    });
    expect(normalizeSchedulerSettings({ desiredRetention: 0.99 }).desiredRetention).toBe(0.97);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (x) => typeof normalizeSchedulerSettings(x).newPerDay === 'number'));
  });
});

describe('formatInterval', () => {
  it.each([
    [30_000, '<1m'],
    [MIN, '1m'],
    [10 * MIN, '10m'],
    [90 * MIN, '2h'],
    [DAY, '1d'],
    [3 * DAY, '3d'],
    [29 * DAY, '29d'],
    [60 * DAY, '2mo'],
    [364 * DAY, '12mo'],
    [365 * DAY, '1y'],
    [548 * DAY, '1.5y'],
    [20 * 365 * DAY, '20y'],
    [-5, '<1m'],
    [Number.NaN, '<1m'],
  ])('%d ms → %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});

describe('mappers and retrievability', () => {
  it('round-trips a state through ts-fsrs Card', () => {
    const s = { ...newCard(1000), state: 2 as const, lastReview: 500, stability: 3, difficulty: 5, reps: 2 };
    expect(fromFsrsCard(toFsrsCard(s))).toEqual(s);
    expect(toFsrsCard(newCard(1000)).last_review).toBeUndefined();
  });

  it('is 0 for new cards, 0.9 after exactly S days, lower as time passes', () => {
    const card = { state: 2 as const, stability: 10, lastReview: 0 };
    expect(computeRetrievability({ ...card, state: 0 }, DAY)).toBe(0);
    expect(computeRetrievability(card, 0)).toBeCloseTo(1, 8);
    expect(computeRetrievability(card, 10 * DAY)).toBeCloseTo(0.9, 6);
    expect(computeRetrievability(card, 20 * DAY)).toBeLessThan(computeRetrievability(card, 11 * DAY));
    expect(computeRetrievability({ ...card, stability: 0 }, DAY)).toBe(0);
  });
});
