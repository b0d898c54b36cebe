import { afterEach, describe, expect, it } from 'vitest';
import type { Pack, Question } from '../../../renderer/src/core/pack/schema';
import { makeReviewId } from '../../../renderer/src/core/revlog/review-id';
import { applyImport, previewImport } from '../../../renderer/src/db/repos/import-repo';
import { newCardRow, type PackMeta } from '../../../renderer/src/db/repos/packs-repo';
import { readPackQuestions } from '../../../renderer/src/db/repos/question-chunks';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { QUESTION_CHUNK } from '../../../renderer/src/db/schema/question-chunking';
import { type CardKey, type CardRow, cardKey } from '../../../renderer/src/db/schema/rows';

const T0 = Date.UTC(2025, 2, 10, 12, 0, 0);
const T1 = T0 + 5 * 86_400_000;
const META: PackMeta = { origin: 'imported', format: 'gift', fileName: 'quiz.gift', contentHash: 'h1' };

let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function open(): LecternDb {
  db = new LecternDb(`test-import-${Math.random()}`);
  return db;
}

const tf = (id: string, prompt: string, answer: boolean, section = 's1'): Question => ({
  id,
  section,
  type: 'true-false',
  prompt,
  answer,
});

function makePack(questions: Question[], title = 'Quiz'): Pack {
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    id: 'quiz',
    title,
    language: 'en',
    version: '1',
    chapters: [
      { id: 'c1', title: 'One', sections: [{ id: 's1', title: 'One', body: 'One.' }] },
      { id: 'c2', title: 'Two', sections: [{ id: 's2', title: 'Two', body: 'Two.' }] },
    ],
    questions,
    discussions: [],
  };
}

const V1 = makePack([
  tf('same', 'Unchanged?', true),
  tf('wording', 'Old wording?', true),
  tf('answer', 'Answer flips?', true),
  tf('gone', 'Removed later?', false, 's2'),
]);
const V2 = makePack(
  [
    tf('same', 'Unchanged?', true),
    tf('wording', 'New wording, same answer?', true),
    tf('answer', 'Answer flips?', false),
    tf('fresh', 'Added in v2?', true, 's2'),
  ],
  'Quiz v2',
);

const key = (id: string): CardKey => cardKey('quiz', id);

/** A card row without the index fields the database derives. */
function plain(c: CardRow | undefined): Omit<CardRow, 'dueKey' | 'startedOrder'> | undefined {
  if (!c) return c;
  const { dueKey: _d, startedOrder: _s, ...rest } = c;
  return rest;
}

/** The stored questions of the quiz pack by id. */
async function questionsById(d: LecternDb) {
  return new Map((await readPackQuestions(d, 'quiz')).map((q) => [q.id, q]));
}

/** Gives each question some progress (its first card row) and one review row, as studying would. */
async function study(d: LecternDb, ids: string[]): Promise<void> {
  const questions = await questionsById(d);
  for (const id of ids) {
    const q = questions.get(id);
    if (!q) throw new Error(`no question ${id}`);
    const card = (await d.cards.get(key(id))) ?? newCardRow('quiz', id, q.chapterId, q.order, T0);
    const studied: CardRow = {
      ...card,
      state: 2,
      due: T0 + 3 * 86_400_000,
      stability: 3.2,
      difficulty: 5,
      reps: 2,
      lastReview: T0,
      rev: card.rev + 2,
    };
    await d.cards.put(studied);
    await d.revlog.add({
      id: makeReviewId(T0),
      cardKey: card.key,
      at: T0,
      rating: 3,
      score: 1,
      correct: 1,
      response: 'true',
      responseMs: 1000,
      stateBefore: 0,
      stability: studied.stability,
      difficulty: studied.difficulty,
      dueAfter: studied.due,
    });
  }
}

describe('applyImport: a new pack', () => {
  it('stores the pack row and every question in course order, and no card row (all are new)', async () => {
    const d = open();
    expect(await previewImport(d, V1)).toEqual({ kind: 'new' });
    const res = await applyImport(d, V1, META, T0);
    expect(res).toEqual({
      ok: true,
      counts: { kind: 'new', added: 4, changed: 0, answerChanged: 0, removed: 0, unchanged: 0 },
    });
    const pack = await d.packs.get('quiz');
    expect(pack).toMatchObject({ title: 'Quiz', questionCount: 4, origin: 'imported', format: 'gift' });
    expect(pack).toMatchObject({ importedAt: T0, updatedAt: T0, fileName: 'quiz.gift' });
    expect(pack).toMatchObject({
      chapterCounts: { c1: 3, c2: 1 },
      typeCounts: { c1: { 'true-false': 3 }, c2: { 'true-false': 1 } },
    });
    const questions = await readPackQuestions(d, 'quiz');
    expect(questions.map((q) => [q.key, q.chapterId, q.order, q.removed])).toEqual([
      ['quiz:same', 'c1', 0, 0],
      ['quiz:wording', 'c1', 1, 0],
      ['quiz:answer', 'c1', 2, 0],
      ['quiz:gone', 'c2', 3, 0],
    ]);
    expect(await d.questionChunks.count()).toBe(1);
    expect(await d.cards.count()).toBe(0);
  });

  it('stores nothing when a write fails part-way (one transaction)', async () => {
    const d = open();
    // The chunk write fails (as on a full disk) after the pack row was added.
    const bulkAdd = d.questionChunks.bulkAdd.bind(d.questionChunks);
    d.questionChunks.bulkAdd = (() => Promise.reject(new Error('disk full'))) as unknown as typeof bulkAdd;
    await expect(applyImport(d, V1, META, T0)).rejects.toThrow('disk full');
    d.questionChunks.bulkAdd = bulkAdd;
    expect(await d.packs.count()).toBe(0);
    expect(await d.questionChunks.count()).toBe(0);
  });

  it('writes 20 000 questions a hundred to a record and reports progress up to 1', async () => {
    const d = open();
    const many = makePack(
      Array.from({ length: 20_000 }, (_, i) => tf(`q${i}`, `Question ${i}?`, i % 2 === 0)),
    );
    const progress: number[] = [];
    const res = await applyImport(d, many, META, T0, { onProgress: (f) => progress.push(f) });
    expect(res.ok).toBe(true);
    expect(await d.questionChunks.count()).toBe(20_000 / QUESTION_CHUNK);
    expect((await readPackQuestions(d, 'quiz')).map((q) => q.order)).toEqual(
      Array.from({ length: 20_000 }, (_, i) => i),
    );
    expect(await d.cards.count()).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe('applyImport: an update', () => {
  it('previews added, changed (wording / answer), removed and unchanged before writing anything', async () => {
    const d = open();
    await applyImport(d, V1, META, T0);
    const preview = await previewImport(d, V2);
    expect(preview.kind).toBe('update');
    if (preview.kind !== 'update') return;
    expect(preview.stored.updatedAt).toBe(T0);
    expect(preview.diff.added.map((q) => q.id)).toEqual(['fresh']);
    expect(preview.diff.removed.map((q) => q.id)).toEqual(['gone']);
    expect(preview.diff.unchanged.map((q) => q.id)).toEqual(['same']);
    expect(preview.diff.changed.map((c) => [c.id, c.answerChanged])).toEqual([
      ['wording', false],
      ['answer', true],
    ]);
    expect((await d.packs.get('quiz'))?.title).toBe('Quiz');
  });

  it('keeps progress on unchanged and reworded questions, starts changed answers over, removes gone ones with their history', async () => {
    const d = open();
    await applyImport(d, V1, META, T0);
    await study(d, ['same', 'wording', 'answer', 'gone']);
    const before = new Map((await d.cards.toArray()).map((c) => [c.key, c]));

    const res = await applyImport(d, V2, { ...META, contentHash: 'h2' }, T1, { expectUpdatedAt: T0 });
    expect(res).toEqual({
      ok: true,
      counts: { kind: 'update', added: 1, changed: 1, answerChanged: 1, removed: 1, unchanged: 1 },
    });

    const after = new Map((await d.cards.toArray()).map((c) => [c.key, c]));
    expect(after.get(key('same'))).toEqual(before.get(key('same')));
    expect(after.get(key('wording'))).toEqual(before.get(key('wording')));
    // Started over: a state-New row (so a stale view of the old card cannot answer the new one).
    expect(after.get(key('answer'))).toMatchObject({
      state: 0,
      due: T1,
      reps: 0,
      lastReview: null,
      removed: 0,
    });
    expect(after.get(key('answer'))?.rev).toBe((before.get(key('answer'))?.rev ?? 0) + 1);
    expect(after.get(key('answer'))?.dueKey).toBeUndefined();
    expect(after.get(key('answer'))?.startedOrder).toBeUndefined();
    // Removed: after the live questions, out of every index.
    expect(after.get(key('gone'))).toEqual({
      ...plain(before.get(key('gone'))),
      removed: 1,
      rev: 3,
      order: 4,
    });
    expect(after.has(key('fresh'))).toBe(false);

    const questions = await questionsById(d);
    expect(questions.get('wording')?.question).toMatchObject({ prompt: 'New wording, same answer?' });
    expect(questions.get('answer')?.question).toMatchObject({ answer: false });
    expect(questions.get('gone')?.removed).toBe(1);
    expect(questions.get('fresh')?.removed).toBe(0);
    const live = [...questions.values()].filter((q) => q.removed === 0).sort((a, b) => a.order - b.order);
    expect(live.map((q) => [q.id, q.order])).toEqual([
      ['same', 0],
      ['wording', 1],
      ['answer', 2],
      ['fresh', 3],
    ]);
    // Every review is kept, the removed and restarted questions' too.
    expect(await d.revlog.count()).toBe(4);
    expect(questions.get('gone')?.order).toBe(4);
    expect(await d.packs.get('quiz')).toMatchObject({
      title: 'Quiz v2',
      questionCount: 4,
      chapterCounts: { c1: 3, c2: 1 },
      contentHash: 'h2',
      importedAt: T0,
      updatedAt: T1,
    });
  });

  it('gives a removed question its progress back when it returns with the same answer', async () => {
    const d = open();
    await applyImport(d, V1, META, T0);
    await study(d, ['gone']);
    await applyImport(d, V2, META, T1);
    const studied = await d.cards.get(key('gone'));
    await applyImport(d, V1, META, T1 + 1);
    const back = await d.cards.get(key('gone'));
    expect(plain(back)).toEqual({ ...studied, removed: 0, rev: (studied?.rev ?? 0) + 1, order: 3 });
    expect(back?.dueKey).toBe(back?.due);
    expect((await questionsById(d)).get('gone')).toMatchObject({ removed: 0, order: 3 });
  });

  it('re-importing the same file changes no card', async () => {
    const d = open();
    await applyImport(d, V1, META, T0);
    await study(d, ['same', 'answer']);
    const before = await d.cards.toArray();
    const res = await applyImport(d, V1, META, T1);
    expect(res.ok && res.counts).toMatchObject({
      unchanged: 4,
      added: 0,
      changed: 0,
      answerChanged: 0,
      removed: 0,
    });
    expect(await d.cards.toArray()).toEqual(before);
  });

  it('keeps a question removed twice, once, after the live ones', async () => {
    const d = open();
    await applyImport(d, V1, META, T0);
    await study(d, ['gone']);
    await applyImport(d, V2, META, T1);
    await applyImport(d, makePack(V2.questions.slice(1), 'Quiz v3'), META, T1 + 1);
    const rows = await readPackQuestions(d, 'quiz');
    expect(rows.map((q) => [q.id, q.order, q.removed])).toEqual([
      ['wording', 0, 0],
      ['answer', 1, 0],
      ['fresh', 2, 0],
      ['same', 3, 1],
      ['gone', 4, 1],
    ]);
    expect(await d.cards.get(key('gone'))).toMatchObject({ removed: 1, order: 4 });
    expect(await d.revlog.count()).toBe(1);
  });

  it('refuses, writing nothing, when the stored pack changed since the preview', async () => {
    const d = open();
    await applyImport(d, V1, META, T0);
    const res = await applyImport(d, V2, META, T1, { expectUpdatedAt: T0 - 1 });
    expect(res.ok).toBe(false);
    expect((await d.packs.get('quiz'))?.title).toBe('Quiz');
    const fresh = await applyImport(d, V2, META, T1, { expectUpdatedAt: null });
    expect(fresh.ok).toBe(false);
  });

  it('keeps the stored origin (an import over the bundled course stays bundled)', async () => {
    const d = open();
    await applyImport(d, V1, { ...META, origin: 'bundled' }, T0);
    await applyImport(d, V2, META, T1);
    expect((await d.packs.get('quiz'))?.origin).toBe('bundled');
  });
});
