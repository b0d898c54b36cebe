import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../renderer/src/core/pack/schema';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import {
  readPackQuestions,
  readQuestionRange,
  readQuestions,
  writePackQuestions,
} from '../../../renderer/src/db/repos/question-chunks';
import { LecternDb, withCardIndexFields } from '../../../renderer/src/db/schema/database';
import {
  chunkOf,
  chunkQuestionRows,
  QUESTION_CHUNK,
} from '../../../renderer/src/db/schema/question-chunking';
import { type CardKey, cardKey, type QuestionRow } from '../../../renderer/src/db/schema/rows';

const T0 = Date.UTC(2026, 0, 5, 9);
let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function open(): LecternDb {
  db = new LecternDb(`test-chunks-${Math.random()}`);
  return db;
}

function row(packId: string, i: number, removed: 0 | 1 = 0): QuestionRow {
  const question: Question = {
    id: `q${i}`,
    section: 's1',
    type: 'flashcard',
    front: `Front ${i}`,
    back: 'Back',
  };
  return {
    key: cardKey(packId, `q${i}`),
    packId,
    id: `q${i}`,
    chapterId: i < 150 ? 'c1' : 'c2',
    section: 's1',
    type: 'flashcard',
    order: i,
    question,
    answerHash: `h${i}`,
    removed,
  };
}

const rows = (packId: string, n: number) => Array.from({ length: n }, (_, i) => row(packId, i));

async function store(d: LecternDb, packId: string, list: QuestionRow[]): Promise<void> {
  await d.transaction('rw', d.questionChunks, () => writePackQuestions(d, packId, list));
}

describe('question chunks', () => {
  it('splits by order into records of QUESTION_CHUNK, each sorted, whatever the input order', () => {
    const list = rows('p', 250).reverse();
    const chunks = chunkQuestionRows('p', list);
    expect(chunks.map((c) => [c.chunk, c.items.length])).toEqual([
      [0, QUESTION_CHUNK],
      [1, QUESTION_CHUNK],
      [2, 50],
    ]);
    for (const c of chunks) {
      expect(c.items.every((q) => chunkOf(q.order) === c.chunk)).toBe(true);
      expect(c.items.map((q) => q.order)).toEqual([...c.items.map((q) => q.order)].sort((a, b) => a - b));
    }
  });

  it('writes a pack, reads it whole, by range and by reference, and replaces it on a second write', async () => {
    const d = open();
    await store(d, 'p', rows('p', 250));
    await store(d, 'other', rows('other', 10));
    expect(await d.questionChunks.count()).toBe(4);
    expect((await readPackQuestions(d, 'p')).map((q) => q.order)).toEqual(rows('p', 250).map((q) => q.order));
    expect((await readQuestionRange(d, 'p', 95, 205)).map((q) => q.order)).toEqual(
      Array.from({ length: 111 }, (_, i) => 95 + i),
    );
    expect(await readQuestionRange(d, 'p', 10, 9)).toEqual([]);

    const found = await readQuestions(d, [
      { key: cardKey('p', 'q7'), order: 7 },
      { key: cardKey('p', 'q240'), order: 240 },
      { key: cardKey('other', 'q3'), order: 3 },
      { key: 'p:nope' as CardKey, order: 1 },
    ]);
    expect([...found.keys()].sort()).toEqual(['other:q3', 'p:q240', 'p:q7']);
    expect(found.get(cardKey('p', 'q240'))?.question).toMatchObject({ front: 'Front 240' });

    await store(d, 'p', rows('p', 20));
    expect(await readPackQuestions(d, 'p')).toHaveLength(20);
    expect(await d.questionChunks.count()).toBe(2);
  });

  it('finds a question whose reference carries a stale order by scanning its pack', async () => {
    const d = open();
    await store(d, 'p', rows('p', 300));
    const found = await readQuestions(d, [{ key: cardKey('p', 'q250'), order: 3 }]);
    expect(found.get(cardKey('p', 'q250'))?.order).toBe(250);
    const far = await readQuestions(d, [
      { key: cardKey('p', 'q299'), order: 0 },
      { key: cardKey('p', 'missing'), order: 0 },
    ]);
    expect(far.get(cardKey('p', 'q299'))?.order).toBe(299);
    expect(far.has(cardKey('p', 'missing'))).toBe(false);
  });
});

describe('card index fields', () => {
  const base = () => newCardRow('p', 'q1', 'c1', 5, T0);

  it('derives dueKey only for scheduled cards and startedOrder for studied or suspended ones', () => {
    expect(withCardIndexFields(base())).not.toHaveProperty('dueKey');
    expect(withCardIndexFields(base())).not.toHaveProperty('startedOrder');
    const review = { ...base(), state: 2 as const, due: T0 + 9 };
    expect(withCardIndexFields(review)).toMatchObject({ dueKey: T0 + 9, startedOrder: 5 });
    const suspendedNew = withCardIndexFields({ ...base(), suspended: 1 as const });
    expect(suspendedNew).toMatchObject({ startedOrder: 5 });
    expect(suspendedNew).not.toHaveProperty('dueKey');
    const removed = withCardIndexFields({ ...review, removed: 1 as const, dueKey: 1, startedOrder: 1 });
    expect(removed).not.toHaveProperty('dueKey');
    expect(removed).not.toHaveProperty('startedOrder');
  });

  it('are set by the database on add, put, update and modify, and leave the index when no longer true', async () => {
    const d = open();
    const key = cardKey('p', 'q1');
    await d.cards.add({ ...base(), state: 2, due: T0 + 1 });
    expect(await d.cards.get(key)).toMatchObject({ dueKey: T0 + 1, startedOrder: 5 });
    await d.cards.update(key, { due: T0 + 2 });
    expect((await d.cards.get(key))?.dueKey).toBe(T0 + 2);
    await d.cards.where('key').equals(key).modify({ suspended: 1 });
    expect(await d.cards.get(key)).not.toHaveProperty('dueKey');
    const dueNow = () =>
      d.cards
        .where('[packId+chapterId+dueKey]')
        .between(['p', 'c1', Number.NEGATIVE_INFINITY], ['p', 'c1', T0 + 10])
        .count();
    expect(await dueNow()).toBe(0);
    const row = await d.cards.get(key);
    if (!row) throw new Error('no row');
    await d.cards.put({ ...row, suspended: 0 });
    expect(await dueNow()).toBe(1);
    await d.cards.bulkPut([{ ...row, suspended: 0, removed: 1 }]);
    expect(await dueNow()).toBe(0);
    expect(
      await d.cards
        .where('[packId+chapterId+startedOrder]')
        .between(['p', 'c1', Number.NEGATIVE_INFINITY], ['p', 'c1', Number.POSITIVE_INFINITY])
        .count(),
    ).toBe(0);
  });
});
