/**
 * Schema 4 → 5: the review log moves into compact rows after the database opens, in batches that a
 * kill can interrupt (issue 16). The fixture databases are schema 4 as the previous Lectern left
 * them: rows written by answering through the scheduler, each carrying the card before the answer.
 */
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { replayReviews } from '../../../renderer/src/core/revlog/replay';
import { legacyReviewId } from '../../../renderer/src/core/revlog/review-id';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  pickSchedulingState,
  answerCard as scheduleAnswer,
} from '../../../renderer/src/core/scheduler';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { countReviews, readReviewsBetween } from '../../../renderer/src/db/repos/revlog-repo';
import {
  moveReviewBatch,
  REVLOG_UPGRADE_KEY,
  revlogUpgradePending,
  upgradeReviewLog,
} from '../../../renderer/src/db/repos/revlog-upgrade';
import { loadStats } from '../../../renderer/src/db/repos/stats-repo';
import { answerCard, undoLastAnswer } from '../../../renderer/src/db/repos/study-repo';
import { LecternDb, SCHEMA_VERSIONS, withCardIndexFields } from '../../../renderer/src/db/schema/database';
import {
  type CardKey,
  type CardRow,
  type LegacyReviewRow,
  packOfKey,
} from '../../../renderer/src/db/schema/rows';
import { settleReviewLog } from '../../../renderer/src/ops/review-log-upgrade';
import { warmReviewColumns } from '../../../renderer/src/ops/review-log-upkeep';

const T0 = Date.UTC(2025, 5, 1, 8);
const MIN = 60_000;
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** One card's answers: a rating and the minutes since the previous answer. */
interface CardPlan {
  packId: string;
  questionId: string;
  answers: { rating: 1 | 2 | 3 | 4; gapMin: number; typed: boolean }[];
}

/** Answers every plan through the scheduler as schema 4 did: card rows and rows with `prev`. */
function historyOf(plans: readonly CardPlan[]): { cards: CardRow[]; reviews: LegacyReviewRow[] } {
  const cards: CardRow[] = [];
  const reviews: LegacyReviewRow[] = [];
  plans.forEach((plan, order) => {
    let at = T0 + order * 7 * MIN;
    let card = withCardIndexFields(newCardRow(plan.packId, plan.questionId, 'c1', order, at));
    for (const a of plan.answers) {
      at += a.gapMin * MIN;
      const next = scheduleAnswer(card, a.rating, at, DEFAULT_SCHEDULER_SETTINGS, card.key).card;
      const after = withCardIndexFields<CardRow>({ ...card, ...next, rev: card.rev + 1 });
      reviews.push({
        cardKey: card.key,
        packId: card.packId,
        chapterId: card.chapterId,
        at,
        rating: a.rating,
        score: a.rating === 1 ? 0 : a.rating === 2 ? 0.5 : 1,
        correct: a.rating === 1 ? 0 : 1,
        response: a.typed
          ? JSON.stringify({ type: 'typed', text: `answer ${a.rating}` })
          : JSON.stringify({ type: 'flashcard', rating: a.rating }),
        responseMs: 1000 + a.gapMin,
        stateBefore: card.state,
        prev: card,
        dueAfter: after.due,
      });
      card = after;
    }
    if (plan.answers.length > 0) cards.push(card);
  });
  // Ids in answer order across cards, as auto-increment gave them.
  reviews.sort((a, b) => a.at - b.at || (a.cardKey < b.cardKey ? -1 : 1));
  reviews.forEach((r, i) => {
    r.id = i + 1;
  });
  return { cards, reviews };
}

/** Every review of the log, in id order, wherever it is kept (rows, or their day's record). */
function allReviews(db: LecternDb) {
  return readReviewsBetween(db, '');
}

/** A schema 4 database holding `history` (the fixture), closed. */
async function schema4Fixture(history: ReturnType<typeof historyOf>): Promise<string> {
  const name = `test-upgrade-v5-${Math.random()}`;
  names.push(name);
  const v4 = new Dexie(name);
  for (const v of [1, 2, 3, 4]) v4.version(v).stores(SCHEMA_VERSIONS[v] as Record<string, string>);
  await v4.transaction('rw', [v4.table('cards'), v4.table('reviews')], async () => {
    await v4.table('cards').bulkAdd(history.cards);
    await v4.table('reviews').bulkAdd(history.reviews);
  });
  v4.close();
  return name;
}

const uniquePlans = fc
  .uniqueArray(
    fc.record({
      packId: fc.constantFrom('p', 'other-pack'),
      questionId: fc.stringMatching(/^q[0-9]{1,3}$/),
      answers: fc.array(
        fc.record({
          rating: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
          gapMin: fc.integer({ min: 1, max: 60 * 24 * 40 }),
          typed: fc.boolean(),
        }),
        { maxLength: 9 },
      ),
    }),
    { maxLength: 12, selector: (p) => `${p.packId}:${p.questionId}` },
  )
  .map((plans) => plans as CardPlan[]);

/** What the statistics and the optimizer read of a review, old row or new. */
function statsFields(r: {
  cardKey: string;
  at: number;
  rating: number;
  score: number;
  correct: number;
  responseMs: number;
  stateBefore: number;
  dueAfter: number;
}) {
  const { cardKey, at, rating, score, correct, responseMs, stateBefore, dueAfter } = r;
  return { cardKey, at, rating, score, correct, responseMs, stateBefore, dueAfter };
}

describe('schema 4 → 5: the review log in compact rows', () => {
  it('keeps every review’s statistics fields and every card’s state, and each card replays to its stored state (generated histories)', async () => {
    await fc.assert(
      // Days a batch brings at least `dayJoinMin` reviews of go into their records, the rest stay rows.
      fc.asyncProperty(
        uniquePlans,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(1, 2, 32),
        async (plans, batch, dayJoinMin) => {
          const history = historyOf(plans);
          const name = await schema4Fixture(history);
          const db = new LecternDb(name);
          const progress: [number, number][] = [];
          await upgradeReviewLog(db, { batch, dayJoinMin, onProgress: (d, t) => progress.push([d, t]) });
          expect(await db.reviews.count()).toBe(0);
          expect(await db.meta.get(REVLOG_UPGRADE_KEY)).toBeUndefined();
          // Every day is long past: with a threshold of one, every review is in its day's record.
          if (dayJoinMin === 1) expect(await db.revlog.count()).toBe(0);
          const rows = await allReviews(db);
          // Every review, once, with the same statistics fields and an id from its old one.
          expect(rows.map((r) => r.id)).toEqual(
            [...history.reviews].map((r) => legacyReviewId(r.at, r.id as number)).sort(),
          );
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const old of history.reviews) {
            const now = byId.get(legacyReviewId(old.at, old.id as number));
            expect(now && statsFields(now)).toEqual(statsFields(old));
            expect(Object.keys(now ?? {})).not.toContain('prev');
            // A typed answer is kept; a flashcard's says nothing its rating does not.
            expect(now?.response).toBe(old.response.includes('typed') ? old.response : undefined);
          }
          // Cards untouched; each card's reviews replay to its stored state, and its last review
          // carries the memory state the card holds.
          expect(await db.cards.toArray()).toEqual(
            [...history.cards].sort((a, b) => (a.key < b.key ? -1 : 1)),
          );
          for (const card of history.cards) {
            const own = rows.filter((r) => r.cardKey === card.key);
            expect(pickSchedulingState(replayReviews(card.key, own, DEFAULT_SCHEDULER_SETTINGS))).toEqual(
              pickSchedulingState(card),
            );
            const last = own[own.length - 1];
            expect(last && [last.stability, last.difficulty]).toEqual([card.stability, card.difficulty]);
          }
          // Progress after every batch, rising to the whole log.
          const total = history.reviews.length;
          if (total > 0) {
            expect(progress.length).toBe(Math.ceil(total / batch));
            expect(progress[progress.length - 1]).toEqual([total, total]);
          } else expect(progress).toEqual([]);
          db.close();
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it('a kill between batches leaves a database that opens, counts every review once and resumes', async () => {
    const plans: CardPlan[] = Array.from({ length: 6 }, (_, i) => ({
      packId: 'p',
      questionId: `q${i}`,
      answers: Array.from({ length: 5 }, (_, j) => ({
        rating: (((i + j) % 4) + 1) as 1 | 2 | 3 | 4,
        gapMin: 60 * (j + 1),
        typed: j % 2 === 0,
      })),
    }));
    const history = historyOf(plans);
    // The same fixture upgraded without interruption, to compare with.
    const whole = new LecternDb(await schema4Fixture(history));
    await upgradeReviewLog(whole, { batch: 4 });
    const expected = await allReviews(whole);
    whole.close();

    const name = await schema4Fixture(history);
    const first = new LecternDb(name);
    await moveReviewBatch(first, 4, Date.now(), 2);
    await moveReviewBatch(first, 4, Date.now(), 2);
    // Killed here: the connection goes away between batches.
    first.close();
    const again = new LecternDb(name);
    expect(await revlogUpgradePending(again)).toBe(true);
    expect((await countReviews(again)) + (await again.reviews.count())).toBe(30);
    // The next batch starts after the id the last one ended with (the first 8 answers moved).
    expect(await again.meta.get(REVLOG_UPGRADE_KEY)).toMatchObject({ total: 30, done: 8, lastId: 8 });
    // The statistics of the half-moved database are readable (the moved part).
    expect((await loadStats(again, { now: T0 + 400 * 86_400_000 })).reviews.totalReviews).toBe(8);
    const progress: number[] = [];
    await upgradeReviewLog(again, { batch: 4, dayJoinMin: 2, onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([12, 16, 20, 24, 28, 30]);
    expect(await allReviews(again)).toEqual(expected);
    expect(await revlogUpgradePending(again)).toBe(false);
    again.close();
  });

  it('after the upgrade, start-up fills the statistics’ cache: their first opening reads no review row by row', async () => {
    const history = historyOf(
      Array.from({ length: 8 }, (_, i) => ({
        packId: 'p',
        questionId: `q${i}`,
        answers: [3, 3, 1, 3].map((rating) => ({ rating, gapMin: 60 * 24 * 2, typed: false })),
      })) as CardPlan[],
    );
    const db = new LecternDb(await schema4Fixture(history));
    await settleReviewLog(db);
    expect(await warmReviewColumns(db)).toBeGreaterThan(0);
    expect(await warmReviewColumns(db)).toBe(0);
    let built = false;
    const stats = await loadStats(db, { now: Date.now(), onColumnsBuilt: () => (built = true) });
    expect(built).toBe(false);
    expect(stats.reviews.totalReviews).toBe(history.reviews.length);
    db.close();
  });

  it('keeps the days the cache warm built when it is cut short, and the next start builds the rest', async () => {
    const history = historyOf(
      Array.from({ length: 6 }, (_, i) => ({
        packId: 'p',
        questionId: `q${i}`,
        answers: [3, 3, 1, 3, 3].map((rating) => ({ rating, gapMin: 60 * 24 * 3, typed: false })),
      })) as CardPlan[],
    );
    const db = new LecternDb(await schema4Fixture(history));
    await settleReviewLog(db);
    // A reload after the first step: what it built stays.
    expect(await warmReviewColumns(db, { daysPerStep: 2, maxSteps: 1 })).toBe(2);
    expect(await db.reviewColumns.where('first').aboveOrEqual(0).count()).toBe(2);
    const rest = await warmReviewColumns(db, { daysPerStep: 2 });
    expect(rest).toBeGreaterThan(2);
    expect(await db.reviewColumns.where('first').aboveOrEqual(0).count()).toBe(2 + rest);
    let built = false;
    const stats = await loadStats(db, { now: Date.now(), onColumnsBuilt: () => (built = true) });
    expect(built).toBe(false);
    expect(stats.reviews.totalReviews).toBe(history.reviews.length);
    db.close();
  });

  it('moves rows before the remembered id too, should any be there, so none is left behind', async () => {
    const plans: CardPlan[] = Array.from({ length: 5 }, (_, i) => ({
      packId: 'p',
      questionId: `q${i}`,
      answers: [3, 1, 3].map((rating) => ({ rating: rating as 1 | 3, gapMin: 120, typed: false })),
    }));
    const history = historyOf(plans);
    const whole = new LecternDb(await schema4Fixture(history));
    await upgradeReviewLog(whole, { batch: 4 });
    const expected = await allReviews(whole);
    whole.close();

    const db = new LecternDb(await schema4Fixture(history));
    await moveReviewBatch(db, 4);
    // A progress record that remembers a later id than the rows left (as if rows had appeared).
    const stored = await db.meta.get(REVLOG_UPGRADE_KEY);
    await db.meta.put({ ...(stored as object), lastId: 14 } as never);
    await upgradeReviewLog(db, { batch: 4 });
    expect(await db.reviews.count()).toBe(0);
    // Every review once, its statistics fields kept (the memory state after an answer whose next
    // answer moved first is the card's: such a state is what this guards against, not a batch's).
    const rows = await allReviews(db);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.map(statsFields)).toEqual(expected.map(statsFields));
    expect(await db.meta.get(REVLOG_UPGRADE_KEY)).toBeUndefined();
    db.close();
  });

  it('resumes an upgrade an earlier version began in card order, its rows kept as rows', async () => {
    const plans: CardPlan[] = Array.from({ length: 4 }, (_, i) => ({
      packId: 'p',
      questionId: `q${i}`,
      answers: [3, 3, 1, 3].map((rating) => ({ rating: rating as 1 | 3, gapMin: 60 * 30, typed: i === 0 })),
    }));
    const history = historyOf(plans);
    const whole = new LecternDb(await schema4Fixture(history));
    await upgradeReviewLog(whole, { batch: 5 });
    const expected = await allReviews(whole);
    whole.close();

    // As the card-order version left it after its first batch: q0's reviews moved, as rows.
    const db = new LecternDb(await schema4Fixture(history));
    const moved = expected.filter((r) => r.cardKey === 'p:q0');
    await db.revlog.bulkPut(moved);
    await db.reviews.bulkDelete(
      history.reviews.filter((r) => r.cardKey === 'p:q0').map((r) => r.id as number),
    );
    await db.meta.put({
      key: REVLOG_UPGRADE_KEY,
      total: history.reviews.length,
      done: moved.length,
      startedAt: T0,
      lastCardKey: 'p:q0',
    } as never);
    await upgradeReviewLog(db, { batch: 5, dayJoinMin: 1 });
    expect(await db.reviews.count()).toBe(0);
    // The rows the earlier version moved stay rows; the rest went into their days.
    expect(await db.revlog.count()).toBe(moved.length);
    expect(await allReviews(db)).toEqual(expected);
    db.close();
  });

  it('stops between batches when asked and goes on at the next start', async () => {
    const history = historyOf([
      {
        packId: 'p',
        questionId: 'q1',
        answers: [1, 3, 3, 4].map((rating) => ({ rating, gapMin: 90, typed: false })),
      },
    ] as CardPlan[]);
    const db = new LecternDb(await schema4Fixture(history));
    const stop = new AbortController();
    await upgradeReviewLog(db, { batch: 1, onProgress: (d) => d === 2 && stop.abort(), signal: stop.signal });
    expect([await countReviews(db), await db.reviews.count()]).toEqual([2, 2]);
    expect(await upgradeReviewLog(db, { batch: 1 })).toBe(4);
    expect(await db.reviews.count()).toBe(0);
    db.close();
  });
});

describe('schema 5 answers', () => {
  it('a card’s state is the replay of its reviews through the scheduler, undo included', async () => {
    const name = `test-replay-${Math.random()}`;
    names.push(name);
    const db = new LecternDb(name);
    const key = 'p:q1' as CardKey;
    let shownRev = 0;
    let now = T0;
    const ratings = [3, 1, 3, 3, 2, 4, 1, 3] as const;
    for (const [i, rating] of ratings.entries()) {
      now += (i + 1) * 3 * 3_600_000;
      const res = await answerCard(db, {
        key,
        shownRev,
        place: { chapterId: 'c1', order: 0 },
        rating,
        grade: { score: rating === 1 ? 0 : 1, correct: rating !== 1 },
        response: { type: 'flashcard', rating },
        responseMs: 2000,
        now,
        settings: DEFAULT_SCHEDULER_SETTINGS,
      });
      if (!res.ok) throw new Error(res.error.message);
      shownRev = res.value.card.rev;
      // Answer 5 is undone: it leaves the log, and the replay must not see it.
      if (i === 5) shownRev = (await undoLastAnswer(db, key)).ok ? shownRev + 1 : shownRev;
    }
    const card = (await db.cards.get(key)) as CardRow;
    const rows = await db.revlog.toArray();
    expect(rows).toHaveLength(ratings.length - 1);
    expect(rows.every((r) => packOfKey(r.cardKey) === 'p' && r.response === undefined)).toBe(true);
    expect(pickSchedulingState(replayReviews(key, rows, DEFAULT_SCHEDULER_SETTINGS))).toEqual(
      pickSchedulingState(card),
    );
    db.close();
  });
});
