import { describe, expect, it } from 'vitest';
import { OptimizeCancelled, optimizeHistories } from '../../../electron/fsrs/optimize';
import { splitDay } from '../../../renderer/src/core/scheduler';
import { simulateHistory, TRUE_PARAMETERS, toHistories } from '../../bench/fsrs-sim';

describe('the FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding)', () => {
  it('fits nothing under 8 items: fsrs-rs would return the defaults', async () => {
    const out = await optimizeHistories([{ ratings: [3, 3, 3], days: [0, 2, 6] }], 3, () => {});
    expect(out).toMatchObject({ items: 2, parameters: null, evaluation: null, better: false });
  });

  it('fits a simulated student better than the defaults on the later reviews, near the true initial stabilities', async () => {
    const h = toHistories(simulateHistory({ cards: 300, days: 200, seed: 'unit' }));
    const out = await optimizeHistories(h, splitDay(h), () => {});
    expect(out.parameters).toHaveLength(21);
    expect(out.better).toBe(true);
    expect(out.evaluation?.fitted.logLoss).toBeLessThan(out.evaluation?.default.logLoss ?? 0);
    // True S0(Good) is 10 days, the default 2.3: the fit moves well past the default.
    expect(out.parameters?.[2]).toBeGreaterThan(5);
    expect(TRUE_PARAMETERS[2]).toBe(10);
  });

  it('stops when cancelled, with OptimizeCancelled', async () => {
    const h = toHistories(simulateHistory({ cards: 300, days: 200, seed: 'unit' }));
    await expect(
      optimizeHistories(
        h,
        splitDay(h),
        () => {},
        () => true,
      ),
    ).rejects.toBeInstanceOf(OptimizeCancelled);
  });
});
