import { afterEach, describe, expect, it } from 'vitest';
import { buildQueue, nextLearningDue } from '../../../renderer/src/core/queue';
import { countsByPackAndChapter } from '../../../renderer/src/db/repos/study-counts-repo';
import { chapterOrderRanges } from '../../../renderer/src/db/repos/study-pack-layouts';
import { loadQueueInput, reviewsDoneToday } from '../../../renderer/src/db/repos/study-queue-repo';
import {
  loadLearningBetween,
  loadMoreReviews,
  loadNextLearningDue,
} from '../../../renderer/src/db/repos/study-queue-rest';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import type { CardRow, ReviewRow } from '../../../renderer/src/db/schema/rows';
import { DAY, makeReview } from '../core/stats/fixtures';
import {
  type ChapterSpec,
  countRowReads,
  makeCardRow,
  makeQuestionRow,
  type ReadCounter,
  seedPack,
} from '../features/study/fixtures';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const DAY_START = Date.UTC(2025, 2, 10, 0, 0, 0);
const MIN = 60_000;
let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function openDb(): { d: LecternDb; reads: ReadCounter } {
  db = new LecternDb(`test-study-queue-${Math.random()}`);
  return { d: db, reads: countRowReads(db) };
}

// Pack p: c1 holds q0..q9, c2 holds q10..q12; q13 was removed by an update. Pack other: o0, o1 in c1.
const P_CHAPTERS: ChapterSpec[] = [
  { id: 'c1', count: 10 },
  { id: 'c2', count: 3 },
];
const review = (order: number, stability: number, days: number, over: Partial<CardRow> = {}) =>
  makeCardRow('p', order, {
    state: 2,
    stability,
    lastReview: NOW - days * DAY,
    due: NOW - DAY,
    reps: 3,
    ...over,
  });
const fixture: CardRow[] = [
  makeCardRow('p', 0, { suspended: 1 }), // new but suspended: not new, not queued
  makeCardRow('p', 2, { flagged: 1, rev: 3 }), // flagged while new: still new, with its row
  makeCardRow('p', 4, { state: 1, due: NOW - MIN, lastReview: NOW - 11 * MIN }),
  makeCardRow('p', 5, { state: 1, due: NOW + 20 * MIN, lastReview: NOW - MIN }),
  review(6, 2, 10), // weak
  review(7, 40, 10), // strong
  review(8, 10, 1, { due: NOW + DAY }), // not due yet
  review(10, 5, 10, { chapterId: 'c2' }),
  review(13, 1, 10, { removed: 1 }),
  makeCardRow('other', 1, { state: 2, stability: 3, lastReview: NOW - 10 * DAY, due: NOW - DAY }),
];

async function seedFixture(d: LecternDb, reviews: ReviewRow[] = []): Promise<void> {
  await seedPack(d, 'p', P_CHAPTERS, [makeQuestionRow('p', 13, 'c1', { removed: 1 })]);
  await seedPack(d, 'other', [
    { id: 'c1', count: 2 },
    { id: 'c2', count: 0 },
  ]);
  await d.cards.bulkAdd(fixture);
  await d.revlog.bulkAdd(reviews);
}

const keysOf = (cards: readonly { key: string }[]) => cards.map((c) => c.key);

describe('loadQueueInput + buildQueue', () => {
  it('loads due reviews, learning cards and the first new questions of opened chapters; new ones need no row', async () => {
    const { d } = openDb();
    await seedFixture(d, [makeReview({ at: DAY_START + 1000, stateBefore: 0 })]);
    await d.reading.put({ key: 'p:c1', packId: 'p', chapterId: 'c1', firstOpenedAt: 0, lastOpenedAt: 0 });
    const limits = { p: { newPerDay: 3, reviewsPerDay: 200 } };
    const input = await loadQueueInput(d, ['p'], NOW, { dayStartMs: DAY_START, limits });
    expect(keysOf(input.cards).sort()).toEqual(
      ['p:q1', 'p:q2', 'p:q4', 'p:q5', 'p:q6', 'p:q7', 'p:q10'].sort(),
    );
    // q1 was never studied: no row, only what the queue needs; q2 has its flagged state-0 row.
    expect(input.rows.has('p:q1' as never)).toBe(false);
    expect(input.cards.find((c) => c.key === 'p:q1')).toEqual({
      key: 'p:q1',
      packId: 'p',
      chapterId: 'c1',
      order: 1,
      state: 0,
      due: 0,
      stability: 0,
      lastReview: null,
      suspended: 0,
      removed: 0,
    });
    expect(input.rows.get('p:q2' as never)).toMatchObject({ state: 0, flagged: 1, rev: 3 });
    expect([...input.questions.keys()]).toEqual(['p:q1', 'p:q2']);
    expect(input.questions.get('p:q1' as never)?.question).toMatchObject({ front: 'Front q1' });
    expect([...input.openedChapters]).toEqual(['p:c1']);
    expect(input.doneToday).toEqual({ p: { newDone: 1, reviewsDone: 0 } });
    expect(input.packOrder).toEqual(['p']);

    const plan = buildQueue(input.cards, NOW, {
      openedChapters: input.openedChapters,
      doneToday: input.doneToday,
      limits,
    });
    expect(plan.keys).toEqual(['p:q6', 'p:q10', 'p:q7', 'p:q4', 'p:q1', 'p:q2']);
    expect(nextLearningDue(input.cards, NOW)).toBe(NOW + 20 * MIN);
  });

  it('takes every pack with "all", unopened chapters when reading is not required, and a day cutoff', async () => {
    const { d } = openDb();
    await seedFixture(d);
    const input = await loadQueueInput(d, 'all', NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      dueCutoff: NOW + DAY,
    });
    const keys = keysOf(input.cards);
    expect(keys).toEqual(
      expect.arrayContaining(['other:q0', 'other:q1', 'p:q8', 'p:q11', 'p:q12', 'p:q3', 'p:q9']),
    );
    expect(keys).not.toContain('p:q0');
    expect(keys).not.toContain('p:q13');
    expect(input.packOrder).toEqual(['other', 'p']);
  });

  it('loads the reviews left today in due order, and learning cards only up to learningUntil', async () => {
    const { d } = openDb();
    await seedFixture(d, [makeReview({ at: DAY_START + 1000, stateBefore: 2 })]);
    const input = await loadQueueInput(d, ['p'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      learningUntil: NOW,
      limits: { p: { newPerDay: 0, reviewsPerDay: 3 } },
    });
    // 3 a day, 1 done: the two earliest due of q6, q7, q10 (all due NOW − DAY: ties by key).
    expect(keysOf(input.cards).sort()).toEqual(['p:q10', 'p:q4', 'p:q6'].sort());
    expect(input.laterLearning).toBe(NOW + 20 * MIN);
  });

  it('keeps to one chapter when asked', async () => {
    const { d } = openDb();
    await seedFixture(d);
    const input = await loadQueueInput(d, ['p'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      chapterId: 'c2',
    });
    expect(keysOf(input.cards).sort()).toEqual(['p:q10', 'p:q11', 'p:q12']);
  });
});

describe('at 20k questions', () => {
  // 20 chapters of 1000. Chapters 1–12 studied in course order (12,000 review rows, 200 due); chapter
  // 13 three quarters studied (every order not divisible by 4); 50 learning cards in chapter 2.
  const CHAPTERS: ChapterSpec[] = Array.from({ length: 20 }, (_, i) => ({ id: `c${i + 1}`, count: 1000 }));
  const chapterOf = (order: number) => `c${Math.floor(order / 1000) + 1}`;
  function studiedRows(): CardRow[] {
    const rows: CardRow[] = [];
    for (let order = 0; order < 13_000; order++) {
      if (order >= 12_000 && order % 4 === 0) continue;
      const learning = order >= 1000 && order < 1050;
      rows.push(
        makeCardRow('big', order, {
          chapterId: chapterOf(order),
          state: learning ? 1 : 2,
          stability: 5 + (order % 17),
          lastReview: NOW - 10 * DAY,
          // 200 due now, spread over the pack; the rest due later.
          due: learning
            ? NOW + (order - 1040) * MIN
            : order % 60 === 7
              ? NOW - (order % 5) * DAY
              : NOW + DAY + order,
        }),
      );
    }
    return rows;
  }

  it('reads only the due, learning and first new rows, and one question chunk', async () => {
    const { d, reads } = openDb();
    await seedPack(d, 'big', CHAPTERS);
    const rows = studiedRows();
    await d.cards.bulkAdd(rows);
    const dueNow = rows.filter((r) => r.state === 2 && r.due <= NOW);
    expect(dueNow.length).toBeGreaterThan(150);
    reads.reset();

    const input = await loadQueueInput(d, ['big'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      limits: { big: { newPerDay: 20, reviewsPerDay: 100 } },
    });
    const byState = (s: number) => input.cards.filter((c) => c.state === s);
    // The 100 earliest due reviews.
    const earliest = [...dueNow].sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : 1)).slice(0, 100);
    expect(keysOf(byState(2)).sort()).toEqual(keysOf(earliest).sort());
    expect(byState(1)).toHaveLength(50);
    // The first new questions in course order: chapters 1–12 are all started, chapter 13 has every 4th.
    expect(byState(0).map((c) => c.order)).toEqual(Array.from({ length: 20 }, (_, i) => 12_000 + 4 * i));
    expect(input.rows.size).toBe(150);
    // Of 12,750 card rows: the 150 queued; of 200 question chunks: the one holding the new questions.
    expect(reads.cards).toBe(150);
    expect(reads.questionChunks).toBe(1);
  });

  it('loads the due reviews in steps: the first ones, then pages that continue after them (ties included)', async () => {
    const { d } = openDb();
    await seedPack(d, 'big', CHAPTERS);
    const rows = studiedRows();
    await d.cards.bulkAdd(rows);
    const opts = {
      dayStartMs: DAY_START,
      requireReading: false,
      limits: { big: { newPerDay: 0, reviewsPerDay: 150 } },
    };
    const all = await loadQueueInput(d, ['big'], NOW, opts);
    expect(all.moreReviews).toEqual([]);
    const first = await loadQueueInput(d, ['big'], NOW, { ...opts, firstReviews: 30 });
    const keys = keysOf(first.cards.filter((c) => c.state === 2));
    expect(keys).toHaveLength(30);
    let more = first.moreReviews[0] ?? null;
    expect(more).toMatchObject({ packId: 'big', left: 120 });
    let pages = 0;
    while (more) {
      const page = await loadMoreReviews(d, more, NOW, 25);
      keys.push(...keysOf(page.rows));
      more = page.more;
      pages++;
    }
    // Five distinct due values among the due reviews: pages start inside runs of equal due.
    expect(pages).toBe(5);
    expect(keys).toHaveLength(150);
    expect(new Set(keys).size).toBe(150);
    expect(keys).toEqual(keysOf(all.cards.filter((c) => c.state === 2)));
  });

  it('loads learning cards due later, for the rest of the day', async () => {
    const { d } = openDb();
    await seedPack(d, 'big', CHAPTERS);
    await d.cards.bulkAdd(studiedRows());
    const first = await loadQueueInput(d, ['big'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      learningUntil: NOW,
      limits: { big: { newPerDay: 0, reviewsPerDay: 0 } },
    });
    expect(first.cards).toHaveLength(41);
    expect(first.laterLearning).toBe(NOW + MIN);
    const later = await loadLearningBetween(d, ['big'], NOW, NOW + 5 * MIN);
    expect(later.map((c) => c.order)).toEqual([1041, 1042, 1043, 1044, 1045]);
    expect(await loadNextLearningDue(d, ['big'], NOW + 5 * MIN)).toBe(NOW + 6 * MIN);
    expect(await loadNextLearningDue(d, ['big'], NOW + 5 * MIN, 'c3')).toBeNull();
    expect(await loadNextLearningDue(d, ['big'], NOW + 60 * MIN)).toBeNull();
  });

  it('can leave the new questions’ rows unread, listing them instead', async () => {
    const { d, reads } = openDb();
    await seedFixture(d);
    reads.reset();
    const input = await loadQueueInput(d, ['p'], NOW, {
      dayStartMs: DAY_START,
      requireReading: false,
      newRows: 'later',
      laterLearning: false,
      limits: { p: { newPerDay: 3, reviewsPerDay: 0 } },
    });
    expect(input.unverified).toEqual(['p:q1', 'p:q2', 'p:q3']);
    expect(input.rows.has('p:q2' as never)).toBe(false);
    expect(input.laterLearning).toBeNull();
    // Read: the two learning rows (all of them: no learningUntil). Not read: q2's flagged row.
    expect(reads.cards).toBe(2);
  });

  it('with reading required, starts at the first opened chapter with new questions', async () => {
    const { d } = openDb();
    await seedPack(d, 'big', CHAPTERS);
    await d.cards.bulkAdd(studiedRows());
    for (const c of ['c3', 'c15'])
      await d.reading.put({
        key: `big:${c}`,
        packId: 'big',
        chapterId: c,
        firstOpenedAt: 0,
        lastOpenedAt: 0,
      });
    const input = await loadQueueInput(d, ['big'], NOW, {
      dayStartMs: DAY_START,
      limits: { big: { newPerDay: 5, reviewsPerDay: 0 } },
    });
    expect(input.cards.filter((c) => c.state === 0).map((c) => c.order)).toEqual([
      14_000, 14_001, 14_002, 14_003, 14_004,
    ]);
  });

  it('counts due and new per chapter from the indexes without reading a card row', async () => {
    const { d, reads } = openDb();
    await seedPack(d, 'big', CHAPTERS);
    const rows = studiedRows();
    await d.cards.bulkAdd(rows);
    reads.reset();
    const counts = await countsByPackAndChapter(d, NOW);
    expect(reads.cards).toBe(0);
    expect(reads.questionChunks).toBe(0);
    const dueIn = (c: string) => rows.filter((r) => r.chapterId === c && r.due <= NOW).length;
    expect(counts.chapters['big:c1']).toEqual({ due: dueIn('c1'), new: 0, total: 1000 });
    expect(counts.chapters['big:c2']).toEqual({ due: dueIn('c2'), new: 0, total: 1000 });
    expect(counts.chapters['big:c13']).toEqual({ due: dueIn('c13'), new: 250, total: 1000 });
    expect(counts.chapters['big:c20']).toEqual({ due: 0, new: 1000, total: 1000 });
    expect(counts.packs.big).toEqual({
      due: rows.filter((r) => r.due <= NOW).length,
      new: 250 + 7000,
      total: 20_000,
    });
  });
});

describe('reviewsDoneToday', () => {
  it('counts answers since the start of the day by pack, new and review apart', async () => {
    const { d } = openDb();
    await d.revlog.bulkAdd([
      makeReview({ at: DAY_START - 1, stateBefore: 0 }),
      makeReview({ at: DAY_START, stateBefore: 0 }),
      makeReview({ at: DAY_START + 5, stateBefore: 1 }),
      makeReview({ at: NOW, stateBefore: 2 }),
      makeReview({ at: NOW - 5, stateBefore: 2, cardKey: 'other:q1' }),
      makeReview({ at: NOW + 1, stateBefore: 2 }),
    ]);
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
  it('counts due and new per pack and chapter: no row or a non-suspended state-0 row is new', async () => {
    const { d } = openDb();
    await seedFixture(d);
    expect(await countsByPackAndChapter(d, NOW)).toEqual({
      packs: {
        p: { due: 4, new: 6, total: 13 },
        other: { due: 1, new: 1, total: 2 },
      },
      chapters: {
        'p:c1': { due: 3, new: 4, total: 10 },
        'p:c2': { due: 1, new: 2, total: 3 },
        'other:c1': { due: 1, new: 1, total: 2 },
        'other:c2': { due: 0, new: 0, total: 0 },
      },
    });
  });

  it('counts only the packs given (the Library passes the rows it has read)', async () => {
    const { d } = openDb();
    await seedFixture(d);
    const other = await d.packs.get('other');
    const counts = await countsByPackAndChapter(d, NOW, { packs: other ? [other] : [] });
    expect(Object.keys(counts.packs)).toEqual(['other']);
    expect(counts.packs.other).toEqual({ due: 1, new: 1, total: 2 });
  });

  it('counts reviews due later today with a day cutoff', async () => {
    const { d } = openDb();
    await seedFixture(d);
    expect((await countsByPackAndChapter(d, NOW, { dueCutoff: NOW + DAY })).packs.p?.due).toBe(6);
  });

  it('lays chapters out in course order from their counts', () => {
    expect(
      chapterOrderRanges({
        chapters: [
          { id: 'b', title: 'B', sections: [] },
          { id: 'a', title: 'A', sections: [] },
          { id: 'z', title: 'Z', sections: [] },
        ],
        chapterCounts: { a: 2, b: 3, z: 0 },
      }),
    ).toEqual([
      { chapterId: 'b', from: 0, to: 2 },
      { chapterId: 'a', from: 3, to: 4 },
      { chapterId: 'z', from: 5, to: 4 },
    ]);
  });
});
