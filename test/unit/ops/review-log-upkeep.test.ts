/**
 * The review log's upkeep runs once the Library is shown (App.tsx; no longer before it: clearing old
 * answers reads every older review): it must still clear answers older than the "keep answers"
 * setting, keep the numbers, and leave newer answers alone — whether a review is still a row or has
 * moved into its day's record (schema 6), which the upkeep also does for days before yesterday.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeReviewId } from '../../../renderer/src/core/revlog/review-id';
import { readCardReviews } from '../../../renderer/src/db/repos/revlog-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { cardKey, type ReviewRow } from '../../../renderer/src/db/schema/rows';
import { tidyReviewLog } from '../../../renderer/src/ops/review-log-upkeep';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12);
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function review(at: number, response: string): ReviewRow {
  return {
    id: makeReviewId(at),
    cardKey: cardKey('p', 'q1'),
    at,
    rating: 3,
    score: 1,
    correct: 1,
    responseMs: 1200,
    stateBefore: 2,
    stability: 4.5,
    difficulty: 5.1,
    dueAfter: at + 4 * DAY,
    response,
  };
}

describe('review log upkeep', () => {
  it('clears the answers of reviews older than the keep-answers setting (30 days) and keeps the rest', async () => {
    const name = `upkeep-${Math.random()}`;
    names.push(name);
    const db = new LecternDb(name);
    const old = review(NOW - 40 * DAY, '"Paris"');
    const recent = review(NOW - 10 * DAY, '"Lyon"');
    const today = review(NOW - 1000, '"Nice"');
    await db.revlog.bulkAdd([old, recent, today]);
    expect(await tidyReviewLog(db, NOW)).toBe(1);
    const { response: _dropped, ...oldNumbers } = old;
    const stored = async () =>
      new Map((await readCardReviews(db, [cardKey('p', 'q1')])).map((r) => [r.id, r]));
    let log = await stored();
    expect(log.get(old.id)).toEqual(oldNumbers);
    expect(log.get(recent.id)).toEqual(recent);
    expect(log.get(today.id)).toEqual(today);
    // Days before yesterday moved into their records; today's answer is still a row (undo finds it).
    expect((await db.revlog.toArray()).map((r) => r.id)).toEqual([today.id]);
    expect((await db.revlogDays.toArray()).map((d) => d.n)).toEqual([1, 1]);
    expect(await tidyReviewLog(db, NOW)).toBe(0);
    // 25 days on, the answer of 10 days ago is past the setting too: cleared inside its day's record.
    expect(await tidyReviewLog(db, NOW + 25 * DAY)).toBe(1);
    log = await stored();
    const { response: _lyon, ...recentNumbers } = recent;
    expect(log.get(recent.id)).toEqual(recentNumbers);
    expect(log.size).toBe(3);
    expect(log.get(today.id)).toEqual(today);
    // Only the day whose answer is still kept is marked as holding answers.
    expect(await db.revlogDays.where('answered').equals(1).primaryKeys()).toEqual([
      Math.floor(today.at / DAY) * DAY,
    ]);
    db.close();
  });
});
