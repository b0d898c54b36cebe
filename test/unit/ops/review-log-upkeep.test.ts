/**
 * The review log's upkeep runs once the Library is shown (App.tsx; no longer before it: clearing old
 * answers reads every older review): it must still clear answers older than the "keep answers"
 * setting, keep the numbers, and leave newer answers alone.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeReviewId } from '../../../renderer/src/core/revlog/review-id';
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
    await db.revlog.bulkAdd([old, recent]);
    expect(await tidyReviewLog(db, NOW)).toBe(1);
    const { response: _dropped, ...oldNumbers } = old;
    expect(await db.revlog.get(old.id)).toEqual(oldNumbers);
    expect(await db.revlog.get(recent.id)).toEqual(recent);
    expect(await tidyReviewLog(db, NOW)).toBe(0);
    db.close();
  });
});
