/**
 * replayCards over many cards at once (a merge's): new cards are added (nothing read before them),
 * and the merge codes its days while they are written. Every card gets the state its reviews replay
 * to, every review its columns, and the chapter tallies count every card.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createReviewIdMaker } from '@/core/revlog/review-id';
import { createAnswerer, newCard } from '@/core/scheduler';
import { DEFAULT_SETTINGS, resolveSchedulingSettings } from '@/core/settings';
import { LecternDb } from '@/db/schema/database';
import { countChapterTallies } from '@/db/schema/middleware/chapter-tallies';
import type { CardKey, ReviewRow } from '@/db/schema/rows';
import { replayCards } from '@/ops/sync/replay-cards';
import { makePack, makeQuestion, seedQuestions, withCounts } from '../../core/stats/fixtures';

const T0 = Date.UTC(2026, 11, 1, 9);
const DAY = 86_400_000;
let opened: LecternDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

/** A pack of 2,345 questions (more than one write slice) and two reviews of each from another device. */
async function setUp() {
  const db = new LecternDb(`replay-cards-${Math.random()}`);
  opened.push(db);
  await db.open();
  const questions = Array.from({ length: 2345 }, (_, i) =>
    makeQuestion('p', `q${i}`, i % 3 === 0 ? 'c2' : 'c1', i),
  );
  await db.packs.put({ ...withCounts(makePack('p'), questions), origin: 'bundled' });
  await seedQuestions(db, questions);
  // Two reviews each, a day apart (the second of every seventh card forgotten).
  const newId = createReviewIdMaker('other1');
  const extra: ReviewRow[] = [];
  for (const round of [0, 1])
    questions.forEach((q, i) => {
      const at = T0 + round * DAY + i;
      const rating = round === 1 && i % 7 === 0 ? 1 : 3;
      extra.push({
        id: newId(at),
        cardKey: q.key,
        at,
        rating,
        score: rating === 1 ? 0 : 1,
        correct: rating === 1 ? 0 : 1,
        responseMs: 3000,
        stateBefore: 0,
        stability: 0,
        difficulty: 0,
        dueAfter: at,
        origin: 'other1',
      });
    });
  return { db, questions, extra };
}

type SetUp = Awaited<ReturnType<typeof setUp>>;

function replay({ db }: SetUp, keys: Set<string>, extra: ReviewRow[], whileWriting?: () => void) {
  return db.transaction(
    'rw',
    [db.revlog, db.revlogDays, db.cards, db.questionChunks],
    async () =>
      await replayCards(db, keys, DEFAULT_SETTINGS, T0 + 2 * DAY, extra, async (storedIds) => {
        expect(storedIds.size).toBe(0);
        whileWriting?.();
      }),
  );
}

/** Every card holds the replay of its reviews (both rounds), and the tallies count every card. */
async function expectReplayed({ db, questions, extra }: SetUp) {
  const cards = await db.cards.toArray();
  expect(cards).toHaveLength(questions.length);
  // Each card's state is its replay (no load balancing in a replay: the answers' dues are kept).
  const answer = createAnswerer(resolveSchedulingSettings(DEFAULT_SETTINGS, 'p'));
  for (const [i, q] of questions.entries()) {
    if (i % 97 !== 0 && i % 97 !== 1) continue;
    let state = newCard(T0 + i);
    for (const r of extra.filter((x) => x.cardKey === q.key)) state = answer(state, r.rating, r.at, q.key);
    const row = cards.find((c) => c.key === (q.key as CardKey));
    expect(row).toMatchObject({ state: state.state, stability: state.stability, reps: 2 });
  }
  const byChapter = (rows: { chapterId: string }[]) =>
    [...rows].sort((a, b) => a.chapterId.localeCompare(b.chapterId));
  expect(byChapter(await db.chapterTallies.toArray())).toEqual(byChapter(countChapterTallies(cards)));
  expect((await db.chapterTallies.get(['p', 'c1']))?.started).toBe(
    questions.filter((q) => q.chapterId === 'c1').length,
  );
}

describe('replaying many cards at once (issue 20)', () => {
  it('writes every new card with its replayed state and its chapter counted', async () => {
    const s = await setUp();
    let calls = 0;
    const result = await replay(s, new Set(s.questions.map((q) => q.key as string)), s.extra, () => {
      calls++;
      // The replay is over: every review has its columns.
      expect(s.extra.every((r) => r.stability > 0 && r.difficulty > 0)).toBe(true);
    });
    expect(calls).toBe(1);
    expect(result.cards).toBe(s.questions.length);
    await expectReplayed(s);
  });

  it('adds the new cards and puts the changed ones when they alternate in every write slice', async () => {
    const s = await setUp();
    // Every other card has a row already, from its first review.
    const even = s.questions.filter((_, i) => i % 2 === 0).map((q) => q.key as string);
    const first = s.extra.filter((r) => even.includes(r.cardKey) && r.at < T0 + DAY).map((r) => ({ ...r }));
    expect((await replay(s, new Set(even), first)).cards).toBe(even.length);
    const result = await replay(s, new Set(s.questions.map((q) => q.key as string)), s.extra);
    expect(result.cards).toBe(s.questions.length);
    await expectReplayed(s);
  });
});
