import { afterEach, describe, expect, it } from 'vitest';
import { remainingMs } from '../../../renderer/src/core/selftest';
import {
  answerSelfTest,
  buildSelfTestPool,
  findRunningSelfTest,
  finishSelfTest,
  listSelfTestHistory,
  loadDiscussionSheet,
  loadSelfTest,
  loadTestQuestions,
  pauseSelfTest,
  resumeSelfTest,
  sendMissedToStudy,
  startSelfTest,
} from '../../../renderer/src/db/repos/selftest-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import {
  DAY,
  k,
  makeCard,
  makePack,
  makeQuestion,
  makeReview,
  seedQuestions,
  withCounts,
} from '../core/stats/fixtures';

const MIN = 60_000;
const NOW = Date.UTC(2026, 2, 15, 18);
let db: LecternDb;
afterEach(async () => {
  await db?.delete();
});

/** Pack p: c1 = q0 q1 q2, c2 = q4 q5 q6 (live, orders 0–5), then q3 removed; pack o: z0. */
const QUESTIONS = [
  makeQuestion('p', 'q0', 'c1', 0),
  makeQuestion('p', 'q1', 'c1', 1),
  makeQuestion('p', 'q2', 'c1', 2),
  makeQuestion('p', 'q4', 'c2', 3),
  makeQuestion('p', 'q5', 'c2', 4),
  makeQuestion('p', 'q6', 'c2', 5),
  { ...makeQuestion('p', 'q3', 'c2', 6), removed: 1 as const },
  makeQuestion('o', 'z0', 'c1', 0),
];

/** Card rows only for what was studied (or suspended): q2, q6 and z0 have none — they are new. */
async function seed(): Promise<LecternDb> {
  db = new LecternDb(`test-selftest-${Math.random()}`);
  await seedQuestions(db, QUESTIONS);
  await db.packs.bulkAdd([withCounts(makePack('p'), QUESTIONS), withCounts(makePack('o'), QUESTIONS)]);
  await db.cards.bulkAdd([
    makeCard({ key: 'p:q0', state: 2, stability: 10, lastReview: NOW - DAY, due: NOW + 9 * DAY }),
    makeCard({ key: 'p:q1', state: 2, stability: 1, lastReview: NOW - 5 * DAY, due: NOW + DAY, order: 1 }),
    makeCard({
      key: 'p:q4',
      chapterId: 'c2',
      state: 2,
      stability: 3,
      lastReview: NOW - 3 * DAY,
      due: NOW + 2 * DAY,
      order: 3,
      suspended: 1,
    }),
    makeCard({
      key: 'p:q5',
      chapterId: 'c2',
      state: 3,
      stability: 0.5,
      lastReview: NOW - 2 * DAY,
      due: NOW - 5 * MIN,
      order: 4,
    }),
  ]);
  await db.revlog.bulkAdd([makeReview({ at: NOW - DAY, cardKey: 'p:q0' })]);
  return db;
}

/** The missed-question reference of a key in QUESTIONS. */
function ref(key: string): { key: string; order: number } {
  return { key, order: QUESTIONS.find((q) => q.key === key)?.order ?? 0 };
}

const base = {
  packIds: ['p'],
  mode: 'exam' as const,
  count: 5,
  order: 'weakest' as const,
  seed: 1,
  now: NOW,
};

describe('self-test repository', () => {
  it('builds the pool in course order without removed questions', async () => {
    const d = await seed();
    const pool = await buildSelfTestPool(d, ['p', 'o']);
    expect(pool.map((q) => q.key)).toEqual(['p:q0', 'p:q1', 'p:q2', 'p:q4', 'p:q5', 'p:q6', 'o:z0']);
    expect(pool[2]?.card).toBeNull();
    expect(pool[5]?.card).toBeNull();
    expect(pool[1]?.card).toEqual({ state: 2, stability: 1, lastReview: NOW - 5 * DAY });
  });

  it('reads only the chosen chapters, with the same questions and cards as the whole pack', async () => {
    const d = await seed();
    const chosen = [{ packId: 'p', chapterId: 'c2' }];
    const pool = await buildSelfTestPool(d, ['p', 'o'], chosen);
    expect(pool.map((q) => q.key)).toEqual(['p:q4', 'p:q5', 'p:q6']);
    const whole = (await buildSelfTestPool(d, ['p', 'o'])).filter((q) => q.chapterId === 'c2');
    expect(pool).toEqual(whole);
  });

  it('finds a chapter whose questions cross chunk records (orders past 100)', async () => {
    db = new LecternDb(`test-selftest-${Math.random()}`);
    // c1: orders 0–149, c2: 150–249 (chunks 1 and 2 hold both chapters' questions).
    const rows = Array.from({ length: 250 }, (_, i) => makeQuestion('p', `n${i}`, i < 150 ? 'c1' : 'c2', i));
    await seedQuestions(db, rows);
    await db.packs.add(withCounts(makePack('p'), rows));
    await db.cards.add(makeCard({ key: 'p:n160', chapterId: 'c2', order: 160, state: 2, stability: 5 }));
    const pool = await buildSelfTestPool(db, ['p'], [{ packId: 'p', chapterId: 'c2' }]);
    expect(pool.map((q) => q.order)).toEqual(rows.slice(150).map((q) => q.order));
    expect(pool.filter((q) => q.card !== null).map((q) => q.key)).toEqual(['p:n160']);
  });

  it('starts a weakest-first test and stores it running', async () => {
    const d = await seed();
    const started = await startSelfTest(d, base);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    // Never studied first (q2 new, q6 no card) in course order, then by R: q1 (t=5S, 0.76) < q5 (t=4S, 0.78)
    // < q4 (t=S, 0.90) < q0 (t=0.1S, 0.99); the count of 5 leaves q0 out.
    expect(started.test.state.questions.map((q) => q.key)).toEqual(['p:q2', 'p:q6', 'p:q1', 'p:q5', 'p:q4']);
    expect((await findRunningSelfTest(d))?.id).toBe(started.test.id);
    expect(await startSelfTest(d, { ...base, types: ['ordering'] })).toEqual({
      ok: false,
      reason: 'no-questions',
    });
  });

  it('resumes with the right remaining time, expires, scores, and leaves the schedule alone', async () => {
    const d = await seed();
    const cardsBefore = await d.cards.toArray();
    const reviewsBefore = await d.revlog.toArray();
    const started = await startSelfTest(d, { ...base, timeLimitMs: 10 * MIN });
    if (!started.ok) throw new Error('not started');
    const id = started.test.id;
    expect(
      await answerSelfTest(d, id, 0, { response: 'x', grade: { score: 1, correct: true } }, NOW + MIN),
    ).toMatchObject({ ok: true });
    expect(
      await answerSelfTest(
        d,
        id,
        1,
        { response: ['a'], grade: { score: 0.5, correct: false } },
        NOW + 2 * MIN,
      ),
    ).toMatchObject({
      ok: true,
    });
    await pauseSelfTest(d, id, NOW + 3 * MIN);
    const resumed = await resumeSelfTest(d, id, NOW + 2 * 60 * MIN);
    expect(resumed && remainingMs(resumed.state, NOW + 2 * 60 * MIN)).toBe(7 * MIN);
    // The time runs out while the student is on question 3.
    const late = await answerSelfTest(
      d,
      id,
      2,
      { response: 'y', grade: { score: 1, correct: true } },
      NOW + 2 * 60 * MIN + 8 * MIN,
    );
    expect(late).toEqual({ ok: false, reason: 'expired' });
    const finished = await finishSelfTest(d, id, NOW + 2 * 60 * MIN + 8 * MIN);
    expect(finished?.test.state).toMatchObject({ status: 'done', expired: true, elapsedMs: 10 * MIN });
    expect(finished?.score).toMatchObject({ questions: 5, answered: 2, correct: 1, points: 1.5, score: 0.3 });
    const row = await d.selftests.get(id);
    expect(row).toMatchObject({ status: 'done', score: 0.3, finishedAt: NOW + 128 * MIN });
    expect(await findRunningSelfTest(d)).toBeNull();
    expect(await d.cards.toArray()).toEqual(cardsBefore);
    expect(await d.revlog.toArray()).toEqual(reviewsBefore);
    expect((await loadSelfTest(d, id))?.state.answers[0]?.response).toBe('x');
  });

  it('keeps every attempt in a per-pack history, oldest first', async () => {
    const d = await seed();
    for (const [offset, right] of [
      [2 * DAY, 4],
      [0, 2],
    ] as const) {
      const s = await startSelfTest(d, { ...base, now: NOW + offset });
      if (!s.ok) throw new Error('not started');
      for (let i = 0; i < right; i++) {
        await answerSelfTest(
          d,
          s.test.id,
          i,
          { response: i, grade: { score: 1, correct: true } },
          NOW + offset + i,
        );
      }
      await finishSelfTest(d, s.test.id, NOW + offset + MIN);
    }
    await startSelfTest(d, { ...base, packIds: ['o', 'p'] }); // filed under o, and still running
    const history = await listSelfTestHistory(d, 'p');
    expect(history.map((h) => [h.startedAt - NOW, h.score, h.correct, h.questions])).toEqual([
      [0, 0.4, 2, 5],
      [2 * DAY, 0.8, 4, 5],
    ]);
    expect(await listSelfTestHistory(d, 'o')).toEqual([]);
  });

  it("sends missed questions to today's queue without touching their history", async () => {
    const d = await seed();
    const reviewsBefore = await d.revlog.toArray();
    const cardsBefore = await d.cards.count();
    const keys = ['p:q0', 'p:q1', 'p:q2', 'p:q3', 'p:q4', 'p:q5', 'p:q6', 'p:q0', 'p:gone'];
    const result = await sendMissedToStudy(d, keys.map(ref), NOW);
    // q2 and q6 were never studied (no card row): they stay new and get no row; q3 was removed from
    // its pack, q4 is suspended, and p:gone is no question at all.
    expect(result).toEqual({
      due: ['p:q0', 'p:q1', 'p:q5'],
      newCards: ['p:q2', 'p:q6'],
      skipped: ['p:q3', 'p:q4', 'p:gone'],
    });
    expect(await d.cards.count()).toBe(cardsBefore);
    const q0 = await d.cards.get(k('p:q0'));
    expect(q0).toMatchObject({ due: NOW, stability: 10, state: 2, lastReview: NOW - DAY, rev: 1 });
    // A relearning card already due is left as it was.
    expect((await d.cards.get(k('p:q5')))?.due).toBe(NOW - 5 * MIN);
    expect((await d.cards.get(k('p:q1')))?.due).toBe(NOW);
    expect((await d.cards.get(k('p:q4')))?.due).toBe(NOW + 2 * DAY);
    expect(await d.revlog.toArray()).toEqual(reviewsBefore);
  });

  it("loads a test's questions and a discussion sheet with the missed facts", async () => {
    const d = await seed();
    const started = await startSelfTest(d, base);
    if (!started.ok) throw new Error('not started');
    const rows = await loadTestQuestions(d, started.test.state);
    expect(rows.map((r) => r?.id)).toEqual(['q2', 'q6', 'q1', 'q5', 'q4']);
    const sheet = await loadDiscussionSheet(
      d,
      'p',
      ['c2'],
      [{ ...ref('p:q5'), given: 'nope' }, ref('p:q1'), ref('p:q6'), ref('o:z0')],
    );
    expect(
      sheet?.chapters.map((c) => [
        c.chapterId,
        c.prompts.map((p) => p.id),
        c.missed.map((m) => [m.questionId, m.given]),
      ]),
    ).toEqual([
      [
        'c2',
        ['d2'],
        [
          ['q5', 'nope'],
          ['q6', null],
        ],
      ],
    ]);
    expect(await loadDiscussionSheet(d, 'missing', [], [])).toBeNull();
  });
});
