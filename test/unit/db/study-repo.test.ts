import { afterEach, describe, expect, it } from 'vitest';
import { reviewIdTime } from '../../../renderer/src/core/revlog/review-id';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../../renderer/src/core/scheduler';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { countsByPackAndChapter } from '../../../renderer/src/db/repos/study-counts-repo';
import {
  type AnswerInput,
  answerCard,
  loadStudyItems,
  setFlagged,
  setSuspended,
  undoLastAnswer,
} from '../../../renderer/src/db/repos/study-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import type { CardRow } from '../../../renderer/src/db/schema/rows';
import { DAY, k, makeCard } from '../core/stats/fixtures';
import { makeQuestionRow, seedPack } from '../features/study/fixtures';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function open(cards: CardRow[]): Promise<LecternDb> {
  db = new LecternDb(`test-study-${Math.random()}`);
  await db.cards.bulkAdd(cards);
  return db;
}

const answer = (over: Partial<AnswerInput> = {}): AnswerInput => ({
  key: k('p:q1'),
  shownRev: 0,
  rating: 3,
  grade: { score: 1, correct: true },
  response: { type: 'typed', text: '$1B' },
  responseMs: 4200,
  now: NOW,
  settings: DEFAULT_SCHEDULER_SETTINGS,
  ...over,
});

describe('answerCard', () => {
  it('writes the new state with rev + 1, one compact review row and undo’s snapshot of the previous card', async () => {
    const d = await open([makeCard({ key: 'p:q1', due: NOW - DAY })]);
    const res = await answerCard(d, answer());
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const stored = await d.cards.get(k('p:q1'));
    expect(stored).toEqual(res.value.card);
    expect(stored).toMatchObject({ state: 1, rev: 1, reps: 1, due: NOW + 10 * 60_000, lastReview: NOW });
    const reviews = await d.revlog.toArray();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      cardKey: 'p:q1',
      at: NOW,
      rating: 3,
      score: 1,
      correct: 1,
      response: '{"type":"typed","text":"$1B"}',
      responseMs: 4200,
      stateBefore: 0,
      stability: stored?.stability,
      difficulty: stored?.difficulty,
      dueAfter: NOW + 10 * 60_000,
    });
    expect(Object.keys(reviews[0] ?? {})).not.toContain('prev');
    expect(reviewIdTime(reviews[0]?.id)).toBe(NOW);
    expect(await d.undo.toArray()).toEqual([
      { reviewId: reviews[0]?.id, cardKey: 'p:q1', at: NOW, prev: makeCard({ key: 'p:q1', due: NOW - DAY }) },
    ]);
  });

  it('refuses a second answer with the stale rev and writes nothing', async () => {
    const d = await open([makeCard({ key: 'p:q1' })]);
    expect((await answerCard(d, answer())).ok).toBe(true);
    const before = await d.cards.get(k('p:q1'));
    const again = await answerCard(d, answer({ rating: 1, now: NOW + 1000 }));
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'stale' }) });
    expect(await d.cards.get(k('p:q1'))).toEqual(before);
    expect(await d.revlog.count()).toBe(1);
  });

  it('refuses missing and removed cards', async () => {
    const d = await open([makeCard({ key: 'p:gone', removed: 1 })]);
    expect(await answerCard(d, answer({ key: k('p:nope') }))).toMatchObject({
      ok: false,
      error: { code: 'missing' },
    });
    expect(await answerCard(d, answer({ key: k('p:gone') }))).toMatchObject({
      ok: false,
      error: { code: 'removed' },
    });
    expect(await d.revlog.count()).toBe(0);
  });

  it('stores a response that cannot be JSON as null instead of failing', async () => {
    const d = await open([makeCard({ key: 'p:q1' })]);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const res = await answerCard(
      d,
      answer({ response: cyclic, grade: { score: 7, correct: false }, responseMs: Number.NaN }),
    );
    expect(res.ok).toBe(true);
    expect(await d.revlog.toArray()).toMatchObject([
      { response: 'null', score: 1, correct: 0, responseMs: 0 },
    ]);
  });
});

describe('undoLastAnswer', () => {
  it('restores the card exactly (but a newer rev) and deletes only the last log row', async () => {
    const d = await open([makeCard({ key: 'p:q1' }), makeCard({ key: 'p:q2' })]);
    const first = await answerCard(d, answer());
    if (!first.ok) throw new Error('first answer refused');
    const afterFirst = first.value.card;
    await answerCard(d, answer({ key: k('p:q2') }));
    const second = await answerCard(d, answer({ shownRev: 1, rating: 1, now: afterFirst.due + 60_000 }));
    expect(second.ok).toBe(true);
    expect(await d.revlog.count()).toBe(3);

    const undone = await undoLastAnswer(d, k('p:q1'));
    expect(undone).toEqual({ ok: true, value: { ...afterFirst, rev: 3 } });
    expect(await d.cards.get(k('p:q1'))).toEqual({ ...afterFirst, rev: 3 });
    expect((await d.revlog.toArray()).map((r) => [r.cardKey, r.rating])).toEqual([
      ['p:q1', 3],
      ['p:q2', 3],
    ]);

    const again = await undoLastAnswer(d, k('p:q1'));
    expect(again).toEqual({ ok: true, value: makeCard({ key: 'p:q1', rev: 4 }) });
    expect(await undoLastAnswer(d, k('p:q1'))).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-undo' },
    });
  });

  it('makes the view from before the undo stale', async () => {
    const d = await open([makeCard({ key: 'p:q1' })]);
    await answerCard(d, answer());
    await undoLastAnswer(d, k('p:q1'));
    expect(await answerCard(d, answer({ shownRev: 0 }))).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect((await answerCard(d, answer({ shownRev: 2 }))).ok).toBe(true);
  });

  it('refuses when a pack update started the card over since the answer, and follows a moved question', async () => {
    const d = await open([makeCard({ key: 'p:q1' }), makeCard({ key: 'p:q2' })]);
    await answerCard(d, answer());
    // An update that changed q1's answer: a New row, rev + 1, due at the update.
    const reset = { ...newCardRow('p', 'q1', 'c1', 0, NOW + DAY), rev: 2 };
    await d.cards.put(reset);
    expect(await undoLastAnswer(d, k('p:q1'))).toMatchObject({ ok: false, error: { code: 'stale' } });
    expect(await d.revlog.count()).toBe(1);

    // An update that only moved q2 to another chapter and place: undo keeps where it is now.
    await answerCard(d, answer({ key: k('p:q2') }));
    const moved = await d.cards.get(k('p:q2'));
    if (!moved) throw new Error('no q2');
    await d.cards.put({ ...moved, chapterId: 'c2', order: 7 });
    const res = await undoLastAnswer(d, k('p:q2'));
    expect(res).toMatchObject({ ok: true, value: { state: 0, chapterId: 'c2', order: 7 } });
  });

  it('keeps a suspension made after the answer', async () => {
    const d = await open([makeCard({ key: 'p:q1' })]);
    await answerCard(d, answer());
    await setSuspended(d, k('p:q1'), true);
    const res = await undoLastAnswer(d, k('p:q1'));
    expect(res).toMatchObject({ ok: true, value: { suspended: 1, state: 0, reps: 0 } });
  });
});

describe('answerCard with the row as shown (one round trip)', () => {
  const place = { chapterId: 'c1', order: 4 };

  it('writes exactly what the careful path writes', async () => {
    const row = makeCard({
      key: 'p:q1',
      state: 2,
      stability: 3,
      difficulty: 5,
      reps: 2,
      lastReview: NOW - 4 * DAY,
      due: NOW,
      rev: 2,
    });
    const careful = await open([row]);
    const a = await answerCard(careful, answer({ shownRev: 2 }));
    const fast = new LecternDb(`test-study-fast-${Math.random()}`);
    try {
      await fast.cards.add(row);
      const b = await answerCard(fast, answer({ shownRev: 2, shownRow: row }));
      // The same rows but for the review's id (each answer gets its own).
      const noIds = (r: typeof a) =>
        r.ok
          ? { ...r.value, review: { ...r.value.review, id: '' }, undo: { ...r.value.undo, reviewId: '' } }
          : r;
      expect(noIds(b)).toEqual(noIds(a));
      expect(await fast.cards.get(k('p:q1'))).toEqual(await careful.cards.get(k('p:q1')));
      const rows = async (db: LecternDb) => (await db.revlog.toArray()).map((r) => ({ ...r, id: '' }));
      expect(await rows(fast)).toEqual(await rows(careful));
    } finally {
      await fast.delete();
    }
  });

  it('answers a question with no row (shown as null) and creates its row', async () => {
    const d = await open([]);
    const res = await answerCard(d, answer({ key: k('p:q4'), place, shownRow: null }));
    expect(res).toMatchObject({ ok: true, value: { card: { key: 'p:q4', order: 4, rev: 1, reps: 1 } } });
    expect(await d.revlog.count()).toBe(1);
  });

  it('rolls back when the stored row is not the shown one, and refuses as stale: nothing written', async () => {
    const shown = makeCard({ key: 'p:q1', rev: 1 });
    const d = await open([{ ...shown, flagged: 1, rev: 2 }]);
    expect(await answerCard(d, answer({ shownRev: 1, shownRow: shown }))).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(await d.cards.get(k('p:q1'))).toMatchObject({ flagged: 1, rev: 2, reps: 0 });
    expect(await d.revlog.count()).toBe(0);
    // Shown as having no row while one was made elsewhere.
    const made = makeCard({ key: 'p:q4', order: 4, rev: 1, flagged: 1 });
    await d.cards.add(made);
    expect(await answerCard(d, answer({ key: k('p:q4'), place, shownRow: null }))).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(await d.cards.get(k('p:q4'))).toEqual(made);
    expect(await d.revlog.count()).toBe(0);
  });

  it('answers from the stored row when only its place changed (same rev): the new order is kept', async () => {
    const shown = makeCard({ key: 'p:q1', order: 1, rev: 1 });
    const d = await open([{ ...shown, order: 9 }]);
    const res = await answerCard(d, answer({ shownRev: 1, shownRow: shown }));
    expect(res.ok).toBe(true);
    expect(await d.cards.get(k('p:q1'))).toMatchObject({ order: 9, rev: 2, reps: 1 });
    expect((await d.undo.toArray())[0]?.prev).toMatchObject({ order: 9 });
  });
});

describe('a question with no card row (never studied)', () => {
  const place = { chapterId: 'c1', order: 4 };

  it('is answered from newCardRow at rev 0: the row is created in the same transaction as the log row', async () => {
    const d = await open([]);
    const res = await answerCard(d, answer({ key: k('p:q4'), place }));
    expect(res.ok).toBe(true);
    const fresh = newCardRow('p', 'q4', 'c1', 4, NOW);
    const stored = await d.cards.get(k('p:q4'));
    expect(stored).toMatchObject({ key: 'p:q4', chapterId: 'c1', order: 4, state: 1, rev: 1, reps: 1 });
    expect(stored).toMatchObject({ dueKey: stored?.due, startedOrder: 4 });
    const [review] = await d.revlog.toArray();
    expect(review).toMatchObject({ cardKey: 'p:q4', stateBefore: 0 });
    expect((await d.undo.get(review?.id as string))?.prev).toEqual(fresh);
  });

  it('is refused without a place (missing) or when shown with a rev it never had (stale)', async () => {
    const d = await open([]);
    expect(await answerCard(d, answer({ key: k('p:q4') }))).toMatchObject({
      ok: false,
      error: { code: 'missing' },
    });
    expect(await answerCard(d, answer({ key: k('p:q4'), place, shownRev: 2 }))).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(await d.cards.count()).toBe(0);
    expect(await d.revlog.count()).toBe(0);
  });

  it('a second answer with the first showing’s rev 0 is stale', async () => {
    const d = await open([]);
    expect((await answerCard(d, answer({ key: k('p:q4'), place }))).ok).toBe(true);
    expect(await answerCard(d, answer({ key: k('p:q4'), place }))).toMatchObject({
      ok: false,
      error: { code: 'stale' },
    });
    expect(await d.revlog.count()).toBe(1);
  });

  it('undoing its first answer leaves a state-0 row that still counts as new', async () => {
    const d = await open([]);
    await seedPack(d, 'p', [{ id: 'c1', count: 6 }]);
    const before = await countsByPackAndChapter(d, NOW);
    await answerCard(d, answer({ key: k('p:q4'), place }));
    expect((await countsByPackAndChapter(d, NOW)).chapters['p:c1']?.new).toBe(5);
    const undone = await undoLastAnswer(d, k('p:q4'));
    expect(undone).toEqual({ ok: true, value: { ...newCardRow('p', 'q4', 'c1', 4, NOW), rev: 2 } });
    expect(await d.revlog.count()).toBe(0);
    expect(await countsByPackAndChapter(d, NOW)).toEqual(before);
    // The view from before the undo (rev 0) is stale; the undone card's rev answers.
    expect((await answerCard(d, answer({ key: k('p:q4'), place }))).ok).toBe(false);
    expect((await answerCard(d, answer({ key: k('p:q4'), place, shownRev: 2 }))).ok).toBe(true);
  });

  it('suspending or flagging it creates a state-0 row; clearing a flag it never had stores nothing', async () => {
    const d = await open([]);
    await seedPack(d, 'p', [{ id: 'c1', count: 6 }]);
    expect(await setFlagged(d, k('p:q1'), false, { chapterId: 'c1', order: 1 }, NOW)).toMatchObject({
      ok: true,
      value: { state: 0, flagged: 0, rev: 0 },
    });
    expect(await d.cards.count()).toBe(0);
    expect(await setFlagged(d, k('p:q1'), true, { chapterId: 'c1', order: 1 }, NOW)).toEqual({
      ok: true,
      value: { ...newCardRow('p', 'q1', 'c1', 1, NOW), flagged: 1, rev: 1 },
    });
    expect(await setSuspended(d, k('p:q2'), true, { chapterId: 'c1', order: 2 }, NOW)).toMatchObject({
      ok: true,
      value: { state: 0, suspended: 1, rev: 1 },
    });
    expect(await setSuspended(d, k('p:q3'), true)).toMatchObject({ ok: false, error: { code: 'missing' } });
    // Flagged stays new; suspended is neither new nor due.
    expect((await countsByPackAndChapter(d, NOW)).chapters['p:c1']).toEqual({ due: 0, new: 5, total: 6 });
  });
});

describe('setSuspended / setFlagged', () => {
  it('toggles the flag and bumps rev', async () => {
    const d = await open([makeCard({ key: 'p:q1' })]);
    expect(await setSuspended(d, k('p:q1'), true)).toMatchObject({
      ok: true,
      value: { suspended: 1, rev: 1 },
    });
    expect(await setFlagged(d, k('p:q1'), true)).toMatchObject({ ok: true, value: { flagged: 1, rev: 2 } });
    expect(await setSuspended(d, k('p:q1'), false)).toMatchObject({
      ok: true,
      value: { suspended: 0, flagged: 1, rev: 3 },
    });
    expect(await setFlagged(d, k('p:none'), true)).toMatchObject({ ok: false, error: { code: 'missing' } });
  });
});

describe('loadStudyItems', () => {
  it('returns cards with their questions in the order asked (a new one with rev 0), skipping unknown keys', async () => {
    const d = await open([makeCard({ key: 'p:q1', order: 1, state: 2, rev: 5 })]);
    await seedPack(d, 'p', [{ id: 'c1', count: 150 }], [makeQuestionRow('p', 150, 'c1', { removed: 1 })]);
    const items = await loadStudyItems(
      d,
      [
        { key: k('p:q120'), order: 120 },
        { key: k('p:zz'), order: 3 },
        { key: k('p:q1'), order: 1 },
        // A stale order (the pack was updated since): found by a scan of the pack.
        { key: k('p:q150'), order: 7 },
      ],
      NOW,
    );
    expect(items.map((i) => [i.card.key, i.question.id, i.card.rev])).toEqual([
      ['p:q120', 'q120', 0],
      ['p:q1', 'q1', 5],
      ['p:q150', 'q150', 0],
    ]);
    expect(items[0]?.card).toEqual(newCardRow('p', 'q120', 'c1', 120, NOW));
  });
});
