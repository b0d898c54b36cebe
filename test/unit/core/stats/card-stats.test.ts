import fc from 'fast-check';
import { default_w, forgetting_curve } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  computeCardStats,
  isMastered,
  makeDayClock,
  retrievability,
} from '../../../../renderer/src/core/stats';
import { makeCard } from './fixtures';

const HOUR = 3_600_000;
const DAY = 86_400_000;
function local(y: number, m: number, d: number, h = 12, min = 0): number {
  return Date.UTC(y, m - 1, d, h, min) - 2 * HOUR;
}
const NOW = local(2026, 3, 15, 12);
const clock = makeDayClock({ utcOffsetMinutes: 120, dayStartHour: 4 });

// R(t, S) for FSRS-6 defaults: t = S/2 → 0.940, t = S → 0.900, t = 2S → 0.846, t = 5S → 0.760.
const CARDS = [
  makeCard({ key: 'p:a', order: 0, state: 2, stability: 10, lastReview: NOW - 5 * DAY, due: NOW + 5 * DAY }),
  makeCard({
    key: 'p:b',
    order: 1,
    state: 2,
    stability: 2,
    lastReview: NOW - 10 * DAY,
    due: NOW - 8 * DAY,
    lapses: 2,
  }),
  makeCard({ key: 'p:c', order: 2, state: 0, due: NOW }),
  makeCard({
    key: 'p:d',
    order: 3,
    state: 1,
    stability: 0.5,
    lastReview: NOW - 60_000,
    due: NOW + 10 * 60_000,
  }),
  makeCard({
    key: 'p:e',
    chapterId: 'c2',
    order: 4,
    state: 2,
    stability: 30,
    lastReview: NOW - DAY,
    due: local(2026, 3, 16, 5),
    lapses: 2,
  }),
  makeCard({
    key: 'p:f',
    chapterId: 'c2',
    order: 5,
    state: 2,
    stability: 10,
    lastReview: NOW - DAY,
    due: NOW - DAY,
    suspended: 1,
    lapses: 3,
  }),
  makeCard({
    key: 'p:g',
    chapterId: 'c2',
    order: 6,
    state: 2,
    stability: 10,
    lastReview: NOW,
    due: NOW,
    removed: 1,
    lapses: 9,
  }),
  makeCard({ key: 'p:h', chapterId: 'c2', order: 7, state: 0, suspended: 1 }),
  makeCard({
    key: 'q:i',
    packId: 'q',
    chapterId: 'x',
    state: 3,
    stability: 1,
    lastReview: NOW - 2 * HOUR,
    due: NOW + 35 * DAY,
    lapses: 1,
  }),
  makeCard({
    key: 'q:j',
    packId: 'q',
    chapterId: 'x',
    order: 1,
    state: 2,
    stability: 1,
    lastReview: NOW - 2 * DAY,
    due: NOW + 3 * DAY,
  }),
  // due 03:59 local tomorrow: still today, because the study day starts at 04:00
  makeCard({
    key: 'q:k',
    packId: 'q',
    chapterId: 'x',
    order: 2,
    state: 2,
    stability: 100,
    lastReview: NOW - DAY,
    due: local(2026, 3, 16, 3, 59),
  }),
];

describe('retrievability', () => {
  it('follows ts-fsrs forgetting curve with fractional days', () => {
    const card = { state: 2, stability: 4, lastReview: NOW - 6 * DAY - 12 * HOUR };
    expect(retrievability(card, NOW)).toBe(forgetting_curve(default_w, 6.5, 4));
    expect(retrievability({ state: 2, stability: 4, lastReview: NOW - 4 * DAY }, NOW)).toBeCloseTo(0.9, 8);
    expect(retrievability({ state: 2, stability: 2, lastReview: NOW - 10 * DAY }, NOW)).toBeCloseTo(
      0.7605,
      3,
    );
  });

  it('is 0 for new cards and cards without stability, 1 just after a review', () => {
    expect(retrievability({ state: 0, stability: 5, lastReview: NOW }, NOW)).toBe(0);
    expect(retrievability({ state: 2, stability: 0, lastReview: NOW }, NOW)).toBe(0);
    expect(retrievability({ state: 2, stability: 3, lastReview: null }, NOW)).toBe(0);
    expect(retrievability({ state: 2, stability: 3, lastReview: NOW }, NOW)).toBe(1);
  });

  it('counts only graduated cards as mastered', () => {
    expect(isMastered({ state: 1, stability: 3, lastReview: NOW }, NOW, 0.9)).toBe(false);
    expect(isMastered({ state: 3, stability: 3, lastReview: NOW }, NOW, 0.9)).toBe(false);
    expect(isMastered({ state: 2, stability: 3, lastReview: NOW }, NOW, 0.9)).toBe(true);
  });
});

describe('computeCardStats on hand-made cards at a fixed now', () => {
  const stats = computeCardStats(CARDS, {
    now: NOW,
    clock,
    desiredRetention: 0.9,
    packRetention: { q: 0.8 },
  });

  it('reports mastery, due today and new left per pack and chapter', () => {
    expect(stats.packs).toEqual([
      {
        packId: 'p',
        questions: 7,
        mastered: 3,
        mastery: 3 / 7,
        dueToday: 2,
        newLeft: 1,
        chapters: [
          { packId: 'p', chapterId: 'c1', questions: 4, mastered: 1, mastery: 0.25, dueToday: 2, newLeft: 1 },
          {
            packId: 'p',
            chapterId: 'c2',
            questions: 3,
            mastered: 2,
            mastery: 2 / 3,
            dueToday: 0,
            newLeft: 0,
          },
        ],
      },
      {
        packId: 'q',
        questions: 3,
        mastered: 2,
        mastery: 2 / 3,
        dueToday: 1,
        newLeft: 0,
        chapters: [
          { packId: 'q', chapterId: 'x', questions: 3, mastered: 2, mastery: 2 / 3, dueToday: 1, newLeft: 0 },
        ],
      },
    ]);
  });

  it('uses the global retention where a pack has no override', () => {
    const global = computeCardStats(CARDS, { now: NOW, clock, desiredRetention: 0.9 });
    expect(global.packs[1]?.mastered).toBe(1);
  });

  it('forecasts reviews per day for 30 days, overdue under today', () => {
    expect(stats.forecast.firstDate).toBe('2026-03-15');
    expect(stats.forecast.values).toHaveLength(30);
    const expected = new Array(30).fill(0);
    expected[0] = 3; // b (overdue), d (learning, later today), k (03:59 tomorrow)
    expected[1] = 1; // e
    expected[3] = 1; // j
    expected[5] = 1; // a
    expect(stats.forecast.values).toEqual(expected);
  });

  it('lists the hardest questions by lapses, then lowest stability', () => {
    expect(stats.hardest.map((h) => [h.key, h.lapses])).toEqual([
      ['p:f', 3],
      ['p:b', 2],
      ['p:e', 2],
      ['q:i', 1],
    ]);
    expect(
      computeCardStats(CARDS, { now: NOW, clock, desiredRetention: 0.9, hardestLimit: 2 }).hardest,
    ).toHaveLength(2);
  });

  it('orders chapters by course order, not by first appearance', () => {
    const reversed = computeCardStats([...CARDS].reverse(), {
      now: NOW,
      clock,
      desiredRetention: 0.9,
      packRetention: { q: 0.8 },
    });
    expect(reversed).toEqual(stats);
  });

  it('agrees with retrievability ≥ retention for any card (the ratio shortcut is exact)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0.7, max: 0.97, noNaN: true }),
        (stability, days, retention) => {
          const card = makeCard({ key: 'p:x', state: 2, stability, lastReview: NOW - days * DAY, due: NOW });
          const r = retrievability(card, NOW);
          fc.pre(Math.abs(r - retention) > 1e-7);
          const mastered = computeCardStats([card], { now: NOW, clock, desiredRetention: retention }).packs[0]
            ?.mastered;
          expect(mastered).toBe(isMastered(card, NOW, retention) ? 1 : 0);
        },
      ),
      { numRuns: 500 },
    );
    // Exactly at t = S, R is 0.9: mastered at 0.90.
    const atS = makeCard({ key: 'p:y', state: 2, stability: 4, lastReview: NOW - 4 * DAY, due: NOW });
    expect(computeCardStats([atS], { now: NOW, clock, desiredRetention: 0.9 }).packs[0]?.mastered).toBe(1);
  });

  it('lists the same hardest questions as a full sort would', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ lapses: fc.nat(4), stability: fc.integer({ min: 1, max: 5 }), order: fc.nat(3) }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 10 }),
        (specs, limit) => {
          const cards = specs.map((c, i) =>
            makeCard({ key: `p:${String(i).padStart(3, '0')}`, state: 2, lastReview: NOW, ...c }),
          );
          const expected = cards
            .filter((c) => c.lapses > 0)
            .sort(
              (a, b) =>
                b.lapses - a.lapses ||
                a.stability - b.stability ||
                a.order - b.order ||
                (a.key < b.key ? -1 : 1),
            )
            .slice(0, limit)
            .map((c) => c.key);
          const got = computeCardStats(cards, {
            now: NOW,
            clock,
            desiredRetention: 0.9,
            hardestLimit: limit,
          }).hardest;
          expect(got.map((h) => h.key)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('computeCardStats with the packs’ shapes (questions without a card row are new)', () => {
  const shapes = [
    {
      packId: 'p',
      chapters: [
        { chapterId: 'c1', questions: 10 },
        { chapterId: 'c2', questions: 5 },
        { chapterId: 'c3', questions: 0 },
      ],
    },
    { packId: 'r', chapters: [{ chapterId: 'y', questions: 4 }] },
  ];
  const withShapes = computeCardStats(CARDS, {
    now: NOW,
    clock,
    desiredRetention: 0.9,
    packRetention: { q: 0.8 },
    packs: shapes,
  });

  it('takes totals from the shapes and the started cards from the rows', () => {
    // c1: 10 questions, a b d started (c is a New row): 7 new. c2: 5 questions, e f h started (f and h
    // suspended, g removed): 2 new. c3 has no question; r has no card row at all: all 4 new.
    expect(withShapes.packs.map((p) => [p.packId, p.questions, p.mastered, p.dueToday, p.newLeft])).toEqual([
      ['p', 15, 3, 2, 9],
      ['q', 3, 2, 1, 0],
      ['r', 4, 0, 0, 4],
    ]);
    expect(
      withShapes.packs[0]?.chapters.map((c) => [c.chapterId, c.questions, c.newLeft, c.mastery]),
    ).toEqual([
      ['c1', 10, 7, 0.1],
      ['c2', 5, 2, 0.4],
    ]);
    expect(withShapes.forecast).toEqual(
      computeCardStats(CARDS, { now: NOW, clock, desiredRetention: 0.9 }).forecast,
    );
  });

  it('orders chapters as the shape does, whatever the card orders', () => {
    const swapped = computeCardStats(CARDS, {
      now: NOW,
      clock,
      desiredRetention: 0.9,
      packs: [{ packId: 'p', chapters: [...(shapes[0]?.chapters ?? [])].reverse() }],
    });
    expect(swapped.packs[0]?.chapters.map((c) => c.chapterId)).toEqual(['c2', 'c1']);
  });

  it('gives the same figures as a card row for every question (lazy rows change nothing)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            chapter: fc.constantFrom('c1', 'c2', 'c3'),
            row: fc.constantFrom('none', 'new', 'flagged', 'suspended', 'learning', 'review', 'removed'),
            stability: fc.integer({ min: 1, max: 40 }),
            days: fc.integer({ min: -5, max: 40 }),
            lapses: fc.nat(3),
          }),
          { maxLength: 40 },
        ),
        (specs) => {
          const eager = specs.map((q, i) =>
            makeCard({
              key: `p:${String(i).padStart(3, '0')}`,
              chapterId: q.chapter,
              order: i,
              state: q.row === 'learning' ? 1 : q.row === 'review' || q.row === 'removed' ? 2 : 0,
              stability: q.row === 'learning' || q.row === 'review' ? q.stability : 0,
              lastReview: q.row === 'learning' || q.row === 'review' ? NOW - q.days * DAY : null,
              due: NOW + q.days * DAY,
              lapses: q.row === 'review' ? q.lapses : 0,
              suspended: q.row === 'suspended' ? 1 : 0,
              flagged: q.row === 'flagged' ? 1 : 0,
              removed: q.row === 'removed' ? 1 : 0,
            }),
          );
          const lazy = eager.filter((_, i) => specs[i]?.row !== 'none');
          const live = specs.filter((q) => q.row !== 'removed');
          const shape = {
            packId: 'p',
            chapters: ['c1', 'c2', 'c3'].map((chapterId) => ({
              chapterId,
              questions: live.filter((q) => q.chapter === chapterId).length,
            })),
          };
          const options = { now: NOW, clock, desiredRetention: 0.9 };
          const fromRows = computeCardStats(eager, options);
          const fromShape = computeCardStats(lazy, { ...options, packs: [shape] });
          const sortChapters = (s: typeof fromRows) =>
            s.packs.map((p) => ({
              ...p,
              chapters: [...p.chapters].sort((a, b) => (a.chapterId < b.chapterId ? -1 : 1)),
            }));
          expect(sortChapters(fromShape)).toEqual(sortChapters(fromRows));
          expect(fromShape.forecast).toEqual(fromRows.forecast);
          expect(fromShape.hardest).toEqual(fromRows.hardest);
        },
      ),
      { numRuns: 300 },
    );
  });
});
