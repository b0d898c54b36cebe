import { describe, expect, it } from 'vitest';
import {
  createRescheduler,
  DEFAULT_SCHEDULER_SETTINGS,
  forecastDue,
  newCard,
  type ReviewFact,
  type SchedulingState,
} from '../../../../renderer/src/core/scheduler';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 9);
const review: SchedulingState = {
  ...newCard(T0),
  state: 2,
  stability: 10,
  difficulty: 5,
  scheduledDays: 10,
  reps: 3,
  lastReview: T0,
  due: T0 + 10 * DAY,
};

describe('rescheduling on a change of retention or parameters', () => {
  it('at retention 0.90 the interval equals the stability (10 days); at 0.80 it is longer, at 0.95 shorter', () => {
    const at90 = createRescheduler(DEFAULT_SCHEDULER_SETTINGS)(review, undefined);
    expect(at90.scheduledDays).toBe(10);
    expect(at90.due).toBe(T0 + 10 * DAY);
    const at80 = createRescheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.8 })(
      review,
      undefined,
    );
    const at95 = createRescheduler({ ...DEFAULT_SCHEDULER_SETTINGS, desiredRetention: 0.95 })(
      review,
      undefined,
    );
    expect(at80.scheduledDays).toBeGreaterThan(10);
    expect(at95.scheduledDays).toBeLessThan(10);
    expect(at80.due).toBe(T0 + at80.scheduledDays * DAY);
  });

  it('replays the memory from the review history under new parameters (a larger S0 gives a longer interval)', () => {
    const history: ReviewFact[] = [
      { cardKey: 'p:q', at: T0 - 3 * DAY, rating: 3, stateBefore: 0 },
      { cardKey: 'p:q', at: T0, rating: 3, stateBefore: 2 },
    ];
    const w = [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
      0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
    const base = createRescheduler(DEFAULT_SCHEDULER_SETTINGS)(review, history);
    const stronger = createRescheduler({
      ...DEFAULT_SCHEDULER_SETTINGS,
      parameters: w.map((x, i) => (i === 2 ? 12 : x)),
    })(review, history);
    expect(stronger.stability).toBeGreaterThan(base.stability);
    expect(stronger.scheduledDays).toBeGreaterThan(base.scheduledDays);
  });

  it('leaves new and learning cards alone, and caps at the maximum interval', () => {
    const r = createRescheduler({ ...DEFAULT_SCHEDULER_SETTINGS, maximumIntervalDays: 4 });
    const learning = { ...review, state: 1 as const };
    expect(r(learning, undefined)).toBe(learning);
    expect(r(review, undefined).scheduledDays).toBe(4);
  });

  it('counts the forecast per day from today, overdue on day 0', () => {
    expect(forecastDue([T0 - 5 * DAY, T0, T0 + DAY + 1, T0 + 40 * DAY], T0, 3)).toEqual([2, 1, 0]);
  });
});
