/**
 * The review log in two places (schema 6): recent answers as rows of `revlog`, older days a record
 * each in `revlogDays`. Whatever is where, every reader sees the same log in id order, every
 * deletion removes from both, and moving rows into their days (or adding a merge's reviews) changes
 * no review.
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOfId, REVIEW_DAY } from '../../../renderer/src/core/revlog/day-blocks';
import { isPackedDayBlock, unpackDayBlock } from '../../../renderer/src/core/revlog/day-pack';
import { createReviewIdMaker, reviewIdBound } from '../../../renderer/src/core/revlog/review-id';
import {
  addReviews,
  compactReviewLog,
  countReviews,
  deleteCardReviews,
  deletePackReviews,
  deleteReviews,
  forEachReviewPage,
  nextReviews,
  packReviewedKeys,
  ReviewDayError,
  readCardReviews,
  readDaysToJoin,
  readOwnReviewsAfter,
  readReviewsAt,
  readReviewsBetween,
  rowsKeptFrom,
} from '../../../renderer/src/db/repos/revlog-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import type { CardKey, ReviewRow } from '../../../renderer/src/db/schema/rows';

const NOW = Date.UTC(2026, 11, 7, 9, 30);
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function openDb(): LecternDb {
  const name = `revlog-days-${Math.random()}`;
  names.push(name);
  return new LecternDb(name);
}

const KEYS = ['a:q1', 'a:q2', 'a:q3', 'b:q1', 'b:x-9'] as CardKey[];

const reviewArb = fc.record({
  ago: fc.integer({ min: 0, max: 12 * REVIEW_DAY }),
  key: fc.constantFrom(...KEYS),
  rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
  response: fc.option(fc.constantFrom('"Paris"', '{"choice":2}'), { nil: undefined }),
  origin: fc.option(fc.constantFrom('laptop00000001'), { nil: undefined }),
  stability: fc.double({ min: 0.1, max: 300, noNaN: true }),
});

/** Rows with unique ids (two devices' tags), in no set order. */
function rowsOf(specs: readonly ReviewSpec[], tags = ['mine01', 'their2']): ReviewRow[] {
  const mine = createReviewIdMaker(tags[0] as string);
  const theirs = createReviewIdMaker(tags[1] as string);
  return specs.map((s) => {
    const at = NOW - s.ago;
    const row: ReviewRow = {
      id: s.origin ? theirs(at) : mine(at),
      cardKey: s.key,
      at,
      rating: s.rating,
      score: s.rating === 1 ? 0 : 1,
      correct: s.rating === 1 ? 0 : 1,
      responseMs: 1500 + (s.ago % 7000),
      stateBefore: s.ago % 2 === 0 ? 2 : 0,
      stability: s.stability,
      difficulty: 5.25,
      dueAfter: at + 3 * REVIEW_DAY,
    };
    if (s.response !== undefined) row.response = s.response;
    if (s.origin !== undefined) row.origin = s.origin;
    return row;
  });
}
type ReviewSpec = {
  ago: number;
  key: CardKey;
  rating: 1 | 2 | 3 | 4;
  response: string | undefined;
  origin: string | undefined;
  stability: number;
};

const byId = (a: ReviewRow, b: ReviewRow) => (a.id < b.id ? -1 : 1);

async function walk(db: LecternDb, page?: number): Promise<ReviewRow[]> {
  const out: ReviewRow[] = [];
  await forEachReviewPage(db, (rows) => out.push(...rows), page);
  return out;
}

describe('the review log in rows and days', () => {
  it('reads the same log, in id order, before and after rows move into their days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reviewArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 12 * REVIEW_DAY }),
        fc.integer({ min: 0, max: 12 * REVIEW_DAY }),
        fc.integer({ min: 1, max: 7 }),
        async (specs, x, y, page) => {
          const db = openDb();
          const rows = rowsOf(specs as ReviewSpec[]);
          const sorted = [...rows].sort(byId);
          await db.revlog.bulkAdd(rows);
          const before = await walk(db, page);
          expect(before).toEqual(sorted);
          const { moved } = await compactReviewLog(db, NOW);
          const cut = reviewIdBound(rowsKeptFrom(NOW));
          expect(moved).toBe(sorted.filter((r) => r.id < cut).length);
          expect((await db.revlog.toArray()).map((r) => r.id)).toEqual(
            sorted.filter((r) => r.id >= cut).map((r) => r.id),
          );
          expect(await walk(db, page)).toEqual(sorted);
          const [from, to] = [NOW - Math.max(x, y), NOW - Math.min(x, y)];
          expect(await readReviewsAt(db, from, to)).toEqual(sorted.filter((r) => r.at >= from && r.at < to));
          const mid = sorted[Math.floor(sorted.length / 2)];
          if (mid)
            expect(await readReviewsBetween(db, mid.id, undefined, true)).toEqual(
              sorted.filter((r) => r.id > mid.id),
            );
          const some = [KEYS[0], KEYS[3]] as CardKey[];
          expect((await readCardReviews(db, some)).sort(byId)).toEqual(
            sorted.filter((r) => some.includes(r.cardKey)),
          );
          expect(await countReviews(db)).toBe(rows.length);
          expect(await countReviews(db, 'a')).toBe(rows.filter((r) => r.cardKey.startsWith('a:')).length);
          expect([...(await packReviewedKeys(db, 'b'))].sort()).toEqual(
            [...new Set(rows.filter((r) => r.cardKey.startsWith('b:')).map((r) => r.cardKey))].sort(),
          );
          // Rows among stored days (a merge's day beside rows not yet moved): a walk reads several
          // days at once and interleaves them.
          const late = rowsOf(specs as ReviewSpec[], ['late03', 'late04']).filter((_, i) => i % 2 === 0);
          await db.revlog.bulkAdd(late);
          expect(await walk(db, page)).toEqual([...sorted, ...late].sort(byId));
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('adds a merge’s reviews wherever they belong, a review stored twice counting once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reviewArb, { maxLength: 40 }), fc.nat(), async (specs, split) => {
        const db = openDb();
        const rows = rowsOf(specs as ReviewSpec[]);
        const cutAt = rows.length === 0 ? 0 : split % (rows.length + 1);
        await db.revlog.bulkAdd(rows.slice(0, cutAt));
        await compactReviewLog(db, NOW);
        // The second half arrives, with some of the first half again.
        await addReviews(db, [...rows.slice(cutAt), ...rows.slice(0, Math.floor(cutAt / 2))], NOW);
        const all = [...rows].sort(byId);
        expect(await walk(db)).toEqual(all);
        // Sync's export: this device's own reviews only, wherever they are; days of only others' skipped.
        const mid = all[Math.floor(all.length / 3)]?.id ?? '';
        expect(await readOwnReviewsAfter(db, mid)).toEqual(
          all.filter((r) => r.origin === undefined && r.id > mid),
        );
        for (const d of await db.revlogDays.toArray())
          expect(d.foreign === 1).toBe(
            all.filter((r) => dayOfId(r.id) === d.day).every((r) => r.origin !== undefined),
          );
        const cut = reviewIdBound(rowsKeptFrom(NOW));
        for (const r of await db.revlog.toArray()) expect(r.id >= cut).toBe(true);
        db.close();
      }),
      { numRuns: 25 },
    );
  });

  it('adds reviews of the days read ahead as addReviews does, and refuses one of a day it did not read', async () => {
    const db = openDb();
    const specs: ReviewSpec[] = [0, 1, 3, 5, 8].map((days, i) => ({
      ago: days * REVIEW_DAY + i * 60_000,
      key: KEYS[i % KEYS.length] as CardKey,
      rating: 3,
      response: undefined,
      origin: 'laptop00000001',
      stability: 2 + i,
    }));
    const rows = rowsOf(specs);
    // One of the days already holds a review.
    const [early, ...rest] = [...rows].sort(byId);
    if (!early) throw new Error('no rows');
    await db.revlog.bulkAdd([early]);
    await compactReviewLog(db, NOW);
    // Read ahead for every row (stored one included), add the others: the log holds all, in order.
    const days = await db.transaction('rw', db.revlog, db.revlogDays, async () => {
      const ahead = await readDaysToJoin(db, rows, NOW);
      await ahead.add(rest);
      return ahead;
    });
    expect(await walk(db)).toEqual([...rows].sort(byId));
    expect(await db.revlogDays.count()).toBe(3);
    // A review of a day before today and yesterday that was not read ahead: refused, nothing written.
    const [stray] = rowsOf([{ ...(specs[4] as ReviewSpec), ago: 10 * REVIEW_DAY }], ['mine03', 'their4']);
    await expect(days.add([stray as ReviewRow])).rejects.toThrow(/not read ahead/);
    expect(await walk(db)).toHaveLength(rows.length);
    db.close();
  });

  it('deletes a pack’s, some cards’ or some ids’ reviews from rows and days alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reviewArb, { minLength: 1, maxLength: 40 }), async (specs) => {
        const db = openDb();
        const rows = rowsOf(specs as ReviewSpec[]);
        await db.revlog.bulkAdd(rows);
        await compactReviewLog(db, NOW);
        let left = [...rows].sort(byId);
        expect(await deletePackReviews(db, 'b')).toBe(left.filter((r) => r.cardKey.startsWith('b:')).length);
        left = left.filter((r) => !r.cardKey.startsWith('b:'));
        expect(await deleteCardReviews(db, ['a:q2'])).toBe(left.filter((r) => r.cardKey === 'a:q2').length);
        left = left.filter((r) => r.cardKey !== 'a:q2');
        const gone = left.filter((_, i) => i % 2 === 0).map((r) => r.id);
        await deleteReviews(db, gone);
        left = left.filter((r) => !gone.includes(r.id));
        expect(await walk(db)).toEqual(left);
        // A day left without reviews is deleted, not kept empty.
        for (const d of await db.revlogDays.toArray()) expect(d.n).toBeGreaterThan(0);
        db.close();
      }),
      { numRuns: 20 },
    );
  });

  it('walks the whole log once even when rows move into their days between two pages', async () => {
    const db = openDb();
    const rows = rowsOf(
      Array.from({ length: 30 }, (_, i) => ({
        ago: i * 9 * 3_600_000,
        key: KEYS[i % KEYS.length] as CardKey,
        rating: 3 as const,
        response: undefined,
        origin: undefined,
        stability: 3 + i,
      })),
    );
    await db.revlog.bulkAdd(rows);
    const out: ReviewRow[] = [];
    let after = '';
    for (let step = 0; ; step++) {
      const page = await nextReviews(db, after, undefined, 4);
      if (page.length === 0) break;
      out.push(...page);
      after = (page[page.length - 1] as ReviewRow).id;
      if (step === 1) await compactReviewLog(db, NOW);
    }
    expect(out).toEqual([...rows].sort(byId));
    db.close();
  });

  it('names the day of a record it cannot read, and reads no guess of it', async () => {
    const db = openDb();
    const rows = rowsOf([
      {
        ago: 5 * REVIEW_DAY,
        key: 'a:q1' as CardKey,
        rating: 3,
        response: undefined,
        origin: undefined,
        stability: 2,
      },
    ]);
    await db.revlog.bulkAdd(rows);
    await compactReviewLog(db, NOW);
    const [day] = await db.revlogDays.toArray();
    if (!day) throw new Error('no day stored');
    // Days are written packed; one written before (its columns as lists) reads as well, and is
    // checked the same way: here its card index is damaged.
    if (!isPackedDayBlock(day.block)) throw new Error('a day written unpacked');
    const label = new Date(day.day).toISOString().slice(0, 10);
    await db.revlogDays.put({ ...day, block: { ...day.block, b: day.block.b.slice(0, -1) } });
    await expect(walk(db)).rejects.toThrow(new RegExp(`record of ${label} could not be read \\(its bytes`));
    await db.revlogDays.put({ ...day, block: { ...unpackDayBlock(day.block, day.packs), c: [7] } });
    await expect(walk(db)).rejects.toThrow(ReviewDayError);
    await expect(readCardReviews(db, ['a:q1'])).rejects.toThrow(
      new RegExp(`record of ${label} could not be read \\(its card index 7 is not in the key table\\)`),
    );
    // Adding to that day refuses too: the damaged record is not replaced by a guess.
    const late = rowsOf([
      {
        ago: 5 * REVIEW_DAY - 1000,
        key: 'a:q2' as CardKey,
        rating: 3,
        response: undefined,
        origin: 'x',
        stability: 1,
      },
    ]);
    await expect(addReviews(db, late, NOW)).rejects.toThrow(ReviewDayError);
    // A row kept whole (one the columns could not hold) is checked like any row when read back.
    await db.revlogDays.put({
      ...day,
      block: { n: 1, t: [], c: [], g: [], i: [], m: [], ms: [], u: [], x: [[0, { id: 'x' }]] },
    });
    await expect(walk(db)).rejects.toThrow(new RegExp(`record of ${label} could not be read \\(review 1: `));
    db.close();
  });
});
