import { afterEach, describe, expect, it } from 'vitest';
import { buildQueue, nextLearningDue } from '../../../renderer/src/core/queue';
import { LecternDb } from '../../../renderer/src/db/db';
import type { CardRow, ReviewRow } from '../../../renderer/src/db/rows';
import {
  countsByPackAndChapter,
  loadQueueInput,
  reviewsDoneToday,
} from '../../../renderer/src/db/study-repo';
import { DAY, makeCard, makePack, makeReview } from '../core/stats/fixtures';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const DAY_START = Date.UTC(2025, 2, 10, 0, 0, 0);
const MIN = 60_000;
let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function open(cards: CardRow[], reviews: ReviewRow[] = []): Promise<LecternDb> {
  db = new LecternDb(`test-study-queue-${Math.random()}`);
  await db.packs.bulkAdd([makePack('p'), makePack('other')]);
  await db.cards.bulkAdd(cards);
  await db.reviews.bulkAdd(reviews);
  return db;
}

const review = (key: string, stability: number, days: number, over: Partial<CardRow> = {}) =>
  makeCard({ key, state: 2, stability, lastReview: NOW - days * DAY, due: NOW - DAY, reps: 3, ...over });

const fixture: CardRow[] = [
  makeCard({ key: 'p:n1', order: 1 }),
  makeCard({ key: 'p:n2', order: 2 }),
  makeCard({ key: 'p:n3', order: 3 }),
  makeCard({ key: 'p:n4-c2', order: 4, chapterId: 'c2' }),
  makeCard({ key: 'p:n5-suspended', order: 0, suspended: 1 }),
  makeCard({ key: 'p:l1', state: 1, due: NOW - MIN, lastReview: NOW - 11 * MIN }),
  makeCard({ key: 'p:l2-later', state: 1, due: NOW + 20 * MIN, lastReview: NOW - MIN }),
  review('p:r-weak', 2, 10),
  review('p:r-strong', 40, 10),
  review('p:r-tomorrow', 10, 1, { due: NOW + DAY }),
  review('p:r-removed', 1, 10, { removed: 1 }),
  review('p:r-c2', 5, 10, { chapterId: 'c2' }),
  makeCard({ key: 'other:n1', packId: 'other', order: 1 }),
  review('other:r1', 3, 10, { packId: 'other' }),
];

describe('loadQueueInput + buildQueue', () => {
  it('loads due reviews, all learning cards and the first new cards of opened chapters', async () => {
    const d = await open(fixture, [makeReview({ at: DAY_START + 1000, stateBefore: 0 })]);
    await d.reading.put({ key: 'p:c1', packId: 'p', chapterId: 'c1', firstOpenedAt: 0, lastOpenedAt: 0 });
    const input = await loadQueueInput(d, ['p'], NOW, { dayStartMs: DAY_START, newPerPack: 2 });
    expect(input.cards.map((c) => c.key).sort()).toEqual(
      ['p:l1', 'p:l2-later', 'p:n1', 'p:n2', 'p:r-c2', 'p:r-strong', 'p:r-weak'].sort(),
    );
    expect([...input.openedChapters]).toEqual(['p:c1']);
    expect(input.doneToday).toEqual({ p: { newDone: 1, reviewsDone: 0 } });

    const plan = buildQueue(input.cards, NOW, {
      openedChapters: input.openedChapters,
      doneToday: input.doneToday,
      limits: { p: { newPerDay: 2, reviewsPerDay: 200 } },
    });
    expect(plan.keys).toEqual(['p:r-weak', 'p:r-c2', 'p:r-strong', 'p:l1', 'p:n1']);
    expect(nextLearningDue(input.cards, NOW)).toBe(NOW + 20 * MIN);
  });

  it('takes every pack with "all", new cards of unopened chapters when reading is not required, and a day cutoff', async () => {
    const d = await open(fixture);
    const input = await loadQueueInput(d, 'all', NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      dueCutoff: NOW + DAY,
    });
    const keys = input.cards.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['other:n1', 'other:r1', 'p:n4-c2', 'p:r-tomorrow']));
    expect(keys).not.toContain('p:n5-suspended');
    expect(keys).not.toContain('p:r-removed');
  });

  it('stops reading new cards at the limit, in course order', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => makeCard({ key: `p:q${i}`, order: 3000 - i }));
    const d = await open(many);
    const input = await loadQueueInput(d, ['p'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      newPerPack: 3,
    });
    expect(input.cards.map((c) => c.order)).toEqual([1, 2, 3]);
  });
});

describe('loading new cards page by page', () => {
  it('skips past many unopened-chapter cards and cards sharing one order value', async () => {
    const unopened = Array.from({ length: 1100 }, (_, i) =>
      makeCard({ key: `p:u${i}`, order: Math.floor(i / 3) }),
    );
    const opened = Array.from({ length: 5 }, (_, i) =>
      makeCard({ key: `p:o${i}`, order: 400 + i, chapterId: 'c2' }),
    );
    const d = await open([...unopened, ...opened]);
    await d.reading.put({ key: 'p:c2', packId: 'p', chapterId: 'c2', firstOpenedAt: 0, lastOpenedAt: 0 });
    const input = await loadQueueInput(d, ['p'], NOW, { dayStartMs: DAY_START, newPerPack: 3 });
    expect(input.cards.map((c) => c.key)).toEqual(['p:o0', 'p:o1', 'p:o2']);
  });

  it('reaches every card even when more than a page share the same order', async () => {
    const same = Array.from({ length: 620 }, (_, i) => makeCard({ key: `p:s${i}`, order: 7 }));
    const d = await open([...same, makeCard({ key: 'p:after', order: 8 })]);
    const input = await loadQueueInput(d, ['p'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      newPerPack: 700,
    });
    expect(new Set(input.cards.map((c) => c.key)).size).toBe(621);
    expect(input.cards.at(-1)?.key).toBe('p:after');
  });
});

describe('reviewsDoneToday', () => {
  it('counts answers since the start of the day by pack, new and review apart', async () => {
    const d = await open(
      [],
      [
        makeReview({ at: DAY_START - 1, stateBefore: 0 }),
        makeReview({ at: DAY_START, stateBefore: 0 }),
        makeReview({ at: DAY_START + 5, stateBefore: 1 }),
        makeReview({ at: NOW, stateBefore: 2 }),
        makeReview({ at: NOW - 5, stateBefore: 2, packId: 'other' }),
        makeReview({ at: NOW + 1, stateBefore: 2 }),
      ],
    );
    expect(await reviewsDoneToday(d, NOW, DAY_START)).toEqual({
      total: 4,
      newDone: 1,
      reviewsDone: 2,
      byPack: {
        p: { total: 3, newDone: 1, reviewsDone: 1 },
        other: { total: 1, newDone: 0, reviewsDone: 1 },
      },
    });
  });
});

describe('countsByPackAndChapter', () => {
  const expected = {
    packs: {
      p: { due: 4, new: 4, total: 12 },
      other: { due: 1, new: 1, total: 2 },
    },
    chapters: {
      'p:c1': { due: 3, new: 3, total: 10 },
      'p:c2': { due: 1, new: 1, total: 2 },
      'other:c1': { due: 1, new: 1, total: 2 },
    },
  };

  it('counts due and new per pack and chapter (fewer new cards than studied ones)', async () => {
    const d = await open(fixture);
    expect(await countsByPackAndChapter(d, NOW)).toEqual(expected);
  });

  it('gives the same counts when it derives new from the totals (more new cards than studied ones)', async () => {
    const extra = Array.from({ length: 12 }, (_, i) =>
      makeCard({ key: `p:x${i}`, order: 100 + i, chapterId: 'c2' }),
    );
    const d = await open([...fixture, ...extra]);
    const counts = await countsByPackAndChapter(d, NOW);
    expect(counts.packs.p).toEqual({ due: 4, new: 16, total: 24 });
    expect(counts.chapters['p:c2']).toEqual({ due: 1, new: 13, total: 14 });
    expect(counts.chapters['p:c1']).toEqual(expected.chapters['p:c1']);
    expect(counts.packs.other).toEqual(expected.packs.other);
  });

  it('counts reviews due later today with a day cutoff', async () => {
    const d = await open(fixture);
    expect((await countsByPackAndChapter(d, NOW, { dueCutoff: NOW + DAY })).packs.p?.due).toBe(6);
  });
});
