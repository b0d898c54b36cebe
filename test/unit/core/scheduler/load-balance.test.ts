import { describe, expect, it } from 'vitest';
import {
  answerCard,
  balanceInterval,
  DEFAULT_SCHEDULER_SETTINGS,
  type DueLoad,
  type EasyDay,
  easyDayFactors,
  NORMAL_WEEK,
  newCard,
  previewCard,
  type SchedulingState,
  weighDays,
} from '../../../../renderer/src/core/scheduler';

const ON = { loadBalancing: true, easyDays: NORMAL_WEEK };
const DAY = 86_400_000;
/** 2025-01-06 is a Monday. */
const MONDAY = Date.UTC(2025, 0, 6, 9, 0, 0);

function load(counts: Record<number, number>, weekday = 0): DueLoad {
  const arr = Array.from({ length: 99 }, (_, d) => counts[d] ?? 0);
  return { counts: arr, weekday };
}

function week(marks: Partial<Record<number, EasyDay>>): EasyDay[] {
  return Array.from({ length: 7 }, (_, i) => marks[i] ?? 'normal');
}

describe('load balancer weights (hand-worked, Anki: (1/count)² × 1/interval, empty day 1)', () => {
  it('days 4, 5, 6 due 2, 1 and 0 cards weigh 1/16·1/4, 1·1/5 and 1', () => {
    const w = weighDays(4, 6, load({ 4: 2, 5: 1 }), ON);
    expect(w.map((x) => x.days)).toEqual([4, 5, 6]);
    expect(w[0]?.weight).toBeCloseTo(0.0625, 10);
    expect(w[1]?.weight).toBeCloseTo(0.2, 10);
    expect(w[2]?.weight).toBe(1);
  });

  it('draws days in proportion to their weights: 4.95 %, 15.8 %, 79.2 % over 4,000 seeds', () => {
    const l = load({ 4: 2, 5: 1 });
    const tally: Record<number, number> = { 4: 0, 5: 0, 6: 0 };
    for (let i = 0; i < 4000; i++) {
      const d = balanceInterval(5, { min: 4, max: 6 }, l, ON, `s${i}`) as number;
      tally[d] = (tally[d] ?? 0) + 1;
    }
    const total = 0.0625 + 0.2 + 1;
    expect(Math.abs((tally[4] ?? 0) / 4000 - 0.0625 / total)).toBeLessThan(0.015);
    expect(Math.abs((tally[5] ?? 0) / 4000 - 0.2 / total)).toBeLessThan(0.02);
    expect(Math.abs((tally[6] ?? 0) / 4000 - 1 / total)).toBeLessThan(0.02);
  });

  it('is deterministic: the same seed and load give the same day', () => {
    const l = load({ 10: 3, 11: 5, 12: 1, 13: 4 });
    const a = balanceInterval(12, { min: 10, max: 13 }, l, ON, 'pack:q#7');
    expect(balanceInterval(12, { min: 10, max: 13 }, l, ON, 'pack:q#7')).toBe(a);
    expect([10, 11, 12, 13]).toContain(a);
  });

  it('does not balance intervals over 90 days, nor with balancing and easy days both off', () => {
    expect(balanceInterval(91, { min: 87, max: 95 }, load({}), ON, 's')).toBeNull();
    expect(balanceInterval(20, { min: 91, max: 95 }, load({}), ON, 's')).toBeNull();
    expect(
      balanceInterval(
        20,
        { min: 19, max: 21 },
        load({}),
        { loadBalancing: false, easyDays: NORMAL_WEEK },
        's',
      ),
    ).toBeNull();
    expect(balanceInterval(90, { min: 86, max: 94 }, load({}), ON, 's')).not.toBeNull();
  });
});

describe('easy days (hand-worked, Anki: Normal 1, Reduced 0.5 up to its share, Minimum ≈ 0)', () => {
  it('a Reduced day with 1 card beside 4 on a Normal day stays open (1/0.5 = 2 ≤ 4/1.0001)', () => {
    const f = easyDayFactors(week({ 1: 'reduced', 2: 'minimum' }), [0, 1, 2], [4, 1, 0]);
    expect(f).toEqual([1, 1, 0.0001]);
  });

  it('a Reduced day with 3 cards beside 1 on a Normal day closes (3/0.5 = 6 > 1/1.0001)', () => {
    const f = easyDayFactors(week({ 1: 'reduced', 2: 'minimum' }), [0, 1, 2], [1, 3, 0]);
    expect(f).toEqual([1, 0.0001, 0.0001]);
  });

  it('weekends marked Minimum are avoided when the fuzz range has a weekday: Fri 4 … Mon 7 lands Fri or Mon', () => {
    // Today Monday (0): offsets 4..7 are Fri, Sat, Sun, Mon.
    const options = { loadBalancing: true, easyDays: week({ 5: 'minimum', 6: 'minimum' }) };
    for (let i = 0; i < 200; i++) {
      const d = balanceInterval(5, { min: 4, max: 7 }, load({}, 0), options, `w${i}`);
      expect([4, 7]).toContain(d);
    }
  });

  it('easy days work with load balancing off (counts ignored, Minimum days still avoided)', () => {
    const options = { loadBalancing: false, easyDays: week({ 5: 'minimum', 6: 'minimum' }) };
    const w = weighDays(4, 7, load({ 4: 50, 7: 50 }, 0), options);
    expect(w.map((x) => x.weight)).toEqual([1, 0.0001, 0.0001, 1]);
  });
});

describe('answerCard with a due load', () => {
  const S = DEFAULT_SCHEDULER_SETTINGS;
  /** A review card last seen 10 days ago, stability 20 days. */
  const review: SchedulingState = {
    ...newCard(MONDAY - 10 * DAY),
    state: 2,
    due: MONDAY,
    stability: 20,
    difficulty: 5,
    scheduledDays: 10,
    reps: 4,
    lastReview: MONDAY - 10 * DAY,
  };

  it('puts the Good interval on the only empty day of its fuzz range', () => {
    const plain = answerCard(review, 3, MONDAY, S, 'p:q1').card.scheduledDays;
    const counts: Record<number, number> = {};
    for (let d = 1; d < 99; d++) counts[d] = 40;
    const target = plain + 1;
    counts[target] = 0;
    const out = answerCard(review, 3, MONDAY, S, 'p:q1', load(counts)).card;
    expect(out.scheduledDays).toBe(target);
    expect(out.due).toBe(MONDAY + target * DAY);
  });

  it('keeps Hard < Good < Easy, and the preview equals the answer under the same load', () => {
    const l = load({ 20: 3, 21: 9, 22: 1, 30: 2 });
    const preview = previewCard(review, MONDAY, S, 'p:q2', l);
    for (const p of preview) {
      expect(answerCard(review, p.rating, MONDAY, S, 'p:q2', l).card.due).toBe(p.due);
    }
    const [, hard, good, easy] = preview.map((p) => p.card.scheduledDays);
    expect(hard).toBeLessThan(good as number);
    expect(good).toBeLessThan(easy as number);
  });

  it('leaves learning steps alone (Again on a review card relearns in 10 minutes)', () => {
    const out = answerCard(review, 1, MONDAY, S, 'p:q3', load({})).card;
    expect(out.state).toBe(3);
    expect(out.due).toBe(MONDAY + 10 * 60_000);
  });

  it('uses fitted FSRS parameters when a preset has them (a longer first stability gives a longer Good)', () => {
    const w = [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
      0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
    const longer = [...w];
    longer[2] = 20;
    const first = answerCard(newCard(MONDAY), 3, MONDAY, { ...S, learningSteps: [] }, 'p:q4').card;
    const fitted = answerCard(
      newCard(MONDAY),
      3,
      MONDAY,
      { ...S, learningSteps: [], parameters: longer },
      'p:q4',
    ).card;
    expect(fitted.scheduledDays).toBeGreaterThan(first.scheduledDays);
  });
});
