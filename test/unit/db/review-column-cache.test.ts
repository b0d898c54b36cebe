import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewColumnChunk, ReviewColumns } from '../../../renderer/src/core/stats';
import { saveReviewColumnChunks } from '../../../renderer/src/db/repos/review-columns-repo';
import { type ColumnsToSave, loadReviewColumns, loadStats } from '../../../renderer/src/db/repos/stats-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import {
  GENERATION_KEY,
  groupSpans,
  REVIEW_SPAN,
  type ReviewGenerationRow,
  SPANS_PER_READ,
} from '../../../renderer/src/db/schema/middleware/review-column-cache';
import { packOfKey, type ReviewRow } from '../../../renderer/src/db/schema/rows';
import { makeReview } from '../core/stats/fixtures';

let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

const NOW = Date.UTC(2026, 2, 15, 12);
/** The first day of the log: two complete days (spans), then part of a third (NOW's). */
const D0 = Date.UTC(2026, 2, 13);
const PER_DAY = 1500;
const COUNT = 2 * PER_DAY + 600;
/** The second day's span. */
const D1 = D0 + REVIEW_SPAN;

async function seed(): Promise<ReviewRow[]> {
  db = new LecternDb(`test-columns-${Math.random()}`);
  const rows = Array.from({ length: COUNT }, (_, i) =>
    makeReview({
      at: D0 + Math.floor((i * REVIEW_SPAN) / PER_DAY),
      responseMs: i,
      rating: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      cardKey: i % 3 === 0 ? 'o:q1' : 'p:q1',
    }),
  );
  await db.revlog.bulkAdd(rows);
  return rows;
}

/** Columns as sorted tuples, to compare reads that append in different orders. */
function tuples(c: ReviewColumns): string[] {
  return Array.from({ length: c.length }, (_, i) =>
    [c.at[i], c.rating[i], c.stateBefore[i], c.responseMs[i]].join(','),
  ).sort();
}

/** What the rows themselves give, without any cache. */
async function truth(packId?: string): Promise<string[]> {
  const rows = (await db.revlog.toArray()).filter(
    (r) => packId === undefined || packOfKey(r.cardKey) === packId,
  );
  return rows.map((r) => [r.at, r.rating, r.stateBefore, r.responseMs].join(',')).sort();
}

async function loadAndSave(): Promise<ColumnsToSave> {
  const toSave: ColumnsToSave = { generation: -1, chunks: [] };
  await loadReviewColumns(db, undefined, toSave);
  expect(await saveReviewColumnChunks(db, toSave.generation, toSave.chunks)).toBe(true);
  return toSave;
}

const chunkKeys = async () => (await db.reviewColumns.where('first').aboveOrEqual(0).primaryKeys()).sort();

describe('the review log’s column cache', () => {
  it('reads cached spans in runs of consecutive ones, a bounded number per read', () => {
    const S = REVIEW_SPAN;
    expect(groupSpans([3 * S, 0, S, 5 * S])).toEqual([
      [0, S],
      [3 * S, 3 * S],
      [5 * S, 5 * S],
    ]);
    const many = Array.from({ length: SPANS_PER_READ + 3 }, (_, i) => i * S);
    expect(groupSpans(many)).toEqual([
      [0, (SPANS_PER_READ - 1) * S],
      [SPANS_PER_READ * S, (SPANS_PER_READ + 2) * S],
    ]);
    expect(groupSpans([])).toEqual([]);
  });

  it('is built for the complete spans only, and a later read gives the same columns from it', async () => {
    await seed();
    const built = await loadAndSave();
    expect(built.chunks.map((c) => c.first)).toEqual(expect.arrayContaining([D0, D1]));
    expect(built.chunks).toHaveLength(2);
    expect(await chunkKeys()).toEqual([D0, D1]);
    for (const packId of [undefined, 'p', 'o'])
      expect(tuples(await loadReviewColumns(db, packId))).toEqual(await truth(packId));
  });

  it('is what a later read uses (a changed chunk shows through)', async () => {
    await seed();
    await loadAndSave();
    const chunk = (await db.reviewColumns.get(D0)) as ReviewColumnChunk;
    chunk.rating.fill(4);
    await db.reviewColumns.put(chunk);
    const read = await loadReviewColumns(db);
    const fours = Array.from(read.rating.subarray(0, read.length)).filter((r) => r === 4).length;
    expect(fours).toBeGreaterThan((await truth()).filter((t) => t.split(',')[1] === '4').length);
  });

  it('a garbage statistics-cache row is ignored: its span is read from the reviews and saved again (issue 19)', async () => {
    await seed();
    await loadAndSave();
    // Raw edits: one span's record made garbage, another given a pack index past its pack list.
    await db.reviewColumns.put({ first: D0, packIds: 'x', pack: [1, 2] } as never);
    const second = (await db.reviewColumns.get(D1)) as ReviewColumnChunk;
    second.pack[0] = 9;
    await db.reviewColumns.put(second);
    const toSave: ColumnsToSave = { generation: -1, chunks: [] };
    expect(tuples(await loadReviewColumns(db, undefined, toSave))).toEqual(await truth());
    expect(tuples(await loadReviewColumns(db, 'o'))).toEqual(await truth('o'));
    // The rebuilt columns replace the broken records.
    expect(toSave.chunks.map((c) => c.first).sort((a, b) => a - b)).toEqual([D0, D1]);
    expect(await saveReviewColumnChunks(db, toSave.generation, toSave.chunks)).toBe(true);
    const again: ColumnsToSave = { generation: -1, chunks: [] };
    expect(tuples(await loadReviewColumns(db, undefined, again))).toEqual(await truth());
    expect(again.chunks).toEqual([]);
  });

  it('drops a span whose reviews are deleted (an undo) and bumps the generation', async () => {
    const rows = await seed();
    await loadAndSave();
    const before = (await db.reviewColumns.get(GENERATION_KEY)) as ReviewGenerationRow | undefined;
    await db.revlog.delete(rows[42]?.id as string);
    expect(await chunkKeys()).toEqual([D1]);
    const after = (await db.reviewColumns.get(GENERATION_KEY)) as ReviewGenerationRow;
    expect(after.generation).toBe((before?.generation ?? 0) + 1);
    expect(tuples(await loadReviewColumns(db))).toEqual(await truth());
  });

  it('is not saved when the log changed after it was read', async () => {
    await seed();
    const toSave: ColumnsToSave = { generation: -1, chunks: [] };
    await loadReviewColumns(db, undefined, toSave);
    await db.revlog.where('cardKey').startsWith('o:').delete();
    expect(await saveReviewColumnChunks(db, toSave.generation, toSave.chunks)).toBe(false);
    expect(await chunkKeys()).toEqual([]);
    expect(tuples(await loadReviewColumns(db))).toEqual(await truth());
  });

  it('is emptied by a clear (a restore), and a row written into a day already over drops its span', async () => {
    const rows = await seed();
    await loadAndSave();
    await db.revlog.clear();
    expect(await chunkKeys()).toEqual([]);
    // A restore (or a merge from another device) writes rows into days already over.
    await db.revlog.bulkAdd(rows);
    await loadAndSave();
    expect(await chunkKeys()).toEqual([D0, D1]);
    const stored = (await db.revlog.get(rows[PER_DAY + 3]?.id as string)) as ReviewRow;
    await db.revlog.put({ ...stored, rating: 1 });
    expect(await chunkKeys()).toEqual([D0]);
    expect(tuples(await loadReviewColumns(db))).toEqual(await truth());
  });

  it('reports the share of the log read, rising to 1, whether read from rows or from the cache', async () => {
    await seed();
    for (const round of ['rows', 'cache']) {
      for (const packId of [undefined, 'p']) {
        const seen: number[] = [];
        const toSave: ColumnsToSave = { generation: -1, chunks: [] };
        await loadReviewColumns(db, packId, toSave, (f) => seen.push(f));
        expect(seen.length, `${round} ${packId}`).toBeGreaterThan(1);
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        expect(seen[seen.length - 1]).toBe(1);
        if (packId === undefined && round === 'rows')
          await saveReviewColumnChunks(db, toSave.generation, toSave.chunks);
      }
    }
  });

  it('is handed over by the statistics for saving, and reading them again matches', async () => {
    await seed();
    let handed: ColumnsToSave | null = null;
    const first = await loadStats(db, { now: NOW, onColumnsBuilt: (b) => (handed = b) });
    expect(handed).not.toBeNull();
    const built = handed as unknown as ColumnsToSave;
    await saveReviewColumnChunks(db, built.generation, built.chunks);
    let again = false;
    const second = await loadStats(db, { now: NOW, onColumnsBuilt: () => (again = true) });
    expect(again).toBe(false);
    expect(second.reviews).toEqual(first.reviews);
  });
});
