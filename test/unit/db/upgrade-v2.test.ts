import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../renderer/src/core/pack/schema';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { readPackQuestions } from '../../../renderer/src/db/repos/question-chunks';
import { LecternDb, SCHEMA_VERSIONS } from '../../../renderer/src/db/schema/database';
import { type CardRow, cardKey, type PackRow, type QuestionRow } from '../../../renderer/src/db/schema/rows';

const T0 = Date.UTC(2026, 0, 5, 9);
let name = '';
afterEach(async () => {
  if (name) await Dexie.delete(name);
});

function question(id: string, order: number, chapterId: string, removed: 0 | 1 = 0): QuestionRow {
  const q: Question = {
    id,
    section: chapterId === 'c1' ? 's1' : 's2',
    type: 'true-false',
    prompt: id,
    answer: true,
  };
  return {
    key: cardKey('p', id),
    packId: 'p',
    id,
    chapterId,
    section: q.section,
    type: 'true-false',
    order,
    question: q,
    answerHash: `h-${id}`,
    removed,
  };
}

/** A version-1 pack row (no chapterCounts/typeCounts). */
const PACK_V1 = {
  id: 'p',
  title: 'Pack',
  language: 'en',
  version: '1',
  origin: 'imported',
  format: 'lectern',
  chapters: [
    { id: 'c1', title: 'One', sections: [{ id: 's1', title: 'One', body: 'x' }] },
    { id: 'c2', title: 'Two', sections: [{ id: 's2', title: 'Two', body: 'y' }] },
    { id: 'c3', title: 'Empty', sections: [{ id: 's3', title: 'Empty', body: 'z' }] },
  ],
  discussions: [],
  questionCount: 3,
  contentHash: 'h',
  importedAt: T0,
  updatedAt: T0,
};

describe('schema 1 → 2', () => {
  it('moves questions into chunks (removed ones after the live), keeps studied cards and drops never-studied ones', async () => {
    name = `test-upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[1] as Record<string, string>);
    // A v1 update left "gone" removed at order 1, colliding with the live "b" (order 1).
    const questions = [
      question('a', 0, 'c1'),
      question('gone', 1, 'c1', 1),
      question('b', 1, 'c1'),
      question('c', 2, 'c2'),
    ];
    const newCard = (q: QuestionRow): CardRow => newCardRow('p', q.id, q.chapterId, q.order, T0);
    const [a, gone, b, c] = questions as [QuestionRow, QuestionRow, QuestionRow, QuestionRow];
    const cards: CardRow[] = [
      { ...newCard(a), state: 2, due: T0 + 5, reps: 3, rev: 3 },
      { ...newCard(gone), state: 2, due: T0, removed: 1, rev: 4 },
      newCard(b),
      { ...newCard(c), flagged: 1 },
    ];
    await v1.table('packs').add(PACK_V1);
    await v1.table('questions').bulkAdd(questions);
    await v1.table('cards').bulkAdd(cards);
    await v1.table('reviews').add({ cardKey: a.key, packId: 'p', chapterId: 'c1', at: T0, rating: 3 });
    v1.close();

    const db = new LecternDb(name);
    await db.open();
    // Through version 2 and on to the current one.
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name)).not.toContain('questions');
    const stored = await readPackQuestions(db, 'p');
    expect(stored.map((q) => [q.id, q.order, q.removed])).toEqual([
      ['a', 0, 0],
      ['b', 1, 0],
      ['c', 2, 0],
      ['gone', 3, 1],
    ]);
    const pack = (await db.packs.get('p')) as PackRow;
    expect(pack.chapterCounts).toEqual({ c1: 2, c2: 1, c3: 0 });
    expect(pack.typeCounts).toEqual({ c1: { 'true-false': 2 }, c2: { 'true-false': 1 }, c3: {} });
    expect(pack.questionCount).toBe(3);

    const rows = new Map((await db.cards.toArray()).map((r) => [r.key, r]));
    expect([...rows.keys()].sort()).toEqual(['p:a', 'p:c', 'p:gone']);
    expect(rows.get(cardKey('p', 'a'))).toMatchObject({
      state: 2,
      reps: 3,
      rev: 3,
      dueKey: T0 + 5,
      startedOrder: 0,
    });
    expect(rows.get(cardKey('p', 'gone'))).toMatchObject({ order: 3, removed: 1 });
    expect(rows.get(cardKey('p', 'gone'))).not.toHaveProperty('dueKey');
    expect(rows.get(cardKey('p', 'c'))).toMatchObject({ state: 0, flagged: 1 });
    expect(rows.get(cardKey('p', 'c'))).not.toHaveProperty('startedOrder');
    expect(await db.reviews.count()).toBe(1);
    // Version 3 counted the started cards: "a" in c1 (the removed "gone" and the new "c" do not count).
    expect(await db.chapterTallies.toArray()).toEqual([{ packId: 'p', chapterId: 'c1', started: 1 }]);
    db.close();
  });
});
