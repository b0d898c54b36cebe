import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardColumnChunk, StatsCard } from '../../../renderer/src/core/stats';
import { readStatsCards, saveCardColumns } from '../../../renderer/src/db/repos/card-columns-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { ALL_CARDS, MAX_NAMED_PER_WRITE } from '../../../renderer/src/db/schema/middleware/card-columns';
import type { CardKey, CardRow } from '../../../renderer/src/db/schema/rows';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function openDb(): LecternDb {
  const name = `card-columns-${Math.random()}`;
  names.push(name);
  return new LecternDb(name);
}

const PACKS = ['a', 'b', 'c'];

type CardSpec = {
  pack: number;
  q: number;
  chapter: number;
  state: 0 | 1 | 2 | 3;
  due: number;
  stability: number;
  lapses: number;
  reviewed: boolean;
  suspended: boolean;
  flagged: boolean;
  removed: boolean;
};

const cardArb: fc.Arbitrary<CardSpec> = fc.record({
  pack: fc.integer({ min: 0, max: 2 }),
  q: fc.integer({ min: 0, max: 30 }),
  chapter: fc.integer({ min: 0, max: 3 }),
  state: fc.constantFrom(0, 1, 2, 3),
  due: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
  stability: fc.double({ min: 0, max: 3650, noNaN: true }),
  lapses: fc.nat(20),
  reviewed: fc.boolean(),
  suspended: fc.boolean(),
  flagged: fc.boolean(),
  removed: fc.boolean(),
});

function rowOf(s: CardSpec): CardRow {
  const packId = PACKS[s.pack] as string;
  return {
    key: `${packId}:q${s.q}` as CardKey,
    packId,
    chapterId: `ch${s.chapter}`,
    order: s.q,
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: s.lapses + 1,
    lapses: s.lapses,
    lastReview: s.reviewed ? s.due - 86_400_000 : null,
    suspended: s.suspended ? 1 : 0,
    flagged: s.flagged ? 1 : 0,
    removed: s.removed ? 1 : 0,
    rev: 1,
  };
}

/** What the statistics read of a card. */
function fieldsOf(c: StatsCard): StatsCard {
  return {
    key: c.key,
    packId: c.packId,
    chapterId: c.chapterId,
    order: c.order,
    state: c.state,
    due: c.due,
    stability: c.stability,
    lastReview: c.lastReview,
    lapses: c.lapses,
    suspended: c.suspended,
    flagged: c.flagged,
    removed: c.removed,
  };
}

const byKey = (a: StatsCard, b: StatsCard) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function cardsRead(db: LecternDb, packId?: string) {
  return db.transaction('r', [db.cards, db.cardColumns, db.cardsDirty], () => readStatsCards(db, packId));
}

type Step =
  | { op: 'put'; cards: CardSpec[] }
  | { op: 'bulk'; from: number }
  | { op: 'delete'; card: CardSpec }
  | { op: 'removePack'; pack: number }
  | { op: 'clear' }
  | { op: 'save' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('put' as const),
      cards: fc.array(cardArb, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bulk' as const), from: fc.nat(1000) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), card: cardArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('removePack' as const), pack: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 4, arbitrary: fc.constant({ op: 'save' as const }) },
);

describe('the statistics’ card columns', () => {
  it('read exactly the card rows, whatever was written, removed or cleared since they were saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        const db = openDb();
        for (const step of steps) {
          if (step.op === 'put') await db.cards.bulkPut(step.cards.map(rowOf));
          else if (step.op === 'bulk') {
            // More than one write names one by one: it names every card instead.
            const rows = Array.from({ length: MAX_NAMED_PER_WRITE + 1 }, (_, i) =>
              rowOf({
                pack: i % 3,
                q: 100 + ((step.from + i) % 150),
                chapter: i % 4,
                state: (i % 4) as 0 | 1 | 2 | 3,
                due: 1_750_000_000_000 + i,
                stability: i / 7,
                lapses: i % 5,
                reviewed: i % 2 === 0,
                suspended: i % 9 === 0,
                flagged: i % 5 === 0,
                removed: i % 11 === 0,
              }),
            );
            await db.cards.bulkPut(rows);
          } else if (step.op === 'delete') await db.cards.delete(rowOf(step.card).key);
          else if (step.op === 'removePack')
            await db.cards
              .where('packId')
              .equals(PACKS[step.pack] as string)
              .delete();
          else if (step.op === 'clear') await db.cards.clear();
          else await saveCardColumns(db);
          const rows = (await db.cards.toArray()).map(fieldsOf).sort(byKey);
          const read = await cardsRead(db);
          expect(read.cards.map(fieldsOf).sort(byKey)).toEqual(rows);
          const pack = PACKS[steps.length % 3] as string;
          expect((await cardsRead(db, pack)).cards.map(fieldsOf).sort(byKey)).toEqual(
            rows.filter((r) => r.packId === pack),
          );
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('name each card an answer writes, and read the columns, not every row, once saved', async () => {
    const db = openDb();
    const specs = Array.from({ length: 40 }, (_, q) => rowOf({ ...baseSpec, q }));
    await db.cards.bulkPut(specs.slice(0, 20));
    await db.cards.bulkPut(specs.slice(20));
    expect(await saveCardColumns(db)).toBe(true);
    expect(await db.cardsDirty.count()).toBe(0);
    expect(await saveCardColumns(db)).toBe(false);
    expect((await cardsRead(db)).stale).toBe(false);
    // An answer: one card written, one name.
    await db.transaction('rw', db.cards, () => db.cards.put({ ...(specs[3] as CardRow), lapses: 9 }));
    expect(await db.cardsDirty.toCollection().primaryKeys()).toEqual([specs[3]?.key]);
    const read = await cardsRead(db);
    expect(read.stale).toBe(true);
    expect(read.cards.find((c) => c.key === specs[3]?.key)?.lapses).toBe(9);
    expect(await saveCardColumns(db)).toBe(true);
    expect(await db.cardsDirty.count()).toBe(0);
    // A merge's or an import's thousands of cards name every card once, not a record each.
    await db.cards.bulkPut(
      Array.from({ length: MAX_NAMED_PER_WRITE + 1 }, (_, q) => rowOf({ ...baseSpec, q: 100 + q })),
    );
    expect(await db.cardsDirty.toCollection().primaryKeys()).toEqual([ALL_CARDS]);
    expect(await saveCardColumns(db)).toBe(true);
    // A cleared table names every card.
    await db.cards.clear();
    expect(await db.cardsDirty.toCollection().primaryKeys()).toEqual([ALL_CARDS]);
    expect((await cardsRead(db)).cards).toEqual([]);
    db.close();
  });

  it('are never trusted: a damaged record is a miss, and every row is read', async () => {
    const db = openDb();
    await db.cards.bulkPut(Array.from({ length: 5 }, (_, q) => rowOf({ ...baseSpec, q })));
    await saveCardColumns(db);
    const stored = (await db.cardColumns.toArray())[0];
    await db.cardColumns.put({
      ...(stored as NonNullable<typeof stored>),
      pack: new Uint16Array([7, 7, 7, 7, 7]),
    });
    const read = await cardsRead(db);
    expect(read.stale).toBe(true);
    expect(read.cards.map(fieldsOf).sort(byKey)).toEqual(
      (await db.cards.toArray()).map(fieldsOf).sort(byKey),
    );
    expect(await saveCardColumns(db)).toBe(true);
    expect((await cardsRead(db)).stale).toBe(false);
    db.close();
  });
  it('rebuild the records of the first layout, whose flags did not hold the flagged cards', async () => {
    const db = openDb();
    await db.cards.bulkPut([rowOf({ ...baseSpec, flagged: true }), rowOf({ ...baseSpec, q: 1 })]);
    await saveCardColumns(db);
    expect((await cardsRead(db)).cards.map((c) => c.flagged)).toEqual([1, 0]);
    const { format: _, ...first } = (await db.cardColumns.toArray())[0] as CardColumnChunk;
    await db.cardColumns.put({ ...first, flags: new Uint8Array(2) } as never);
    expect((await cardsRead(db)).stale).toBe(true);
    expect(await saveCardColumns(db)).toBe(true);
    const read = await cardsRead(db);
    expect(read.stale).toBe(false);
    expect(read.cards.map((c) => c.flagged)).toEqual([1, 0]);
    db.close();
  });
});

const baseSpec: CardSpec = {
  pack: 0,
  q: 0,
  chapter: 1,
  state: 2,
  due: 1_760_000_000_000,
  stability: 12.5,
  lapses: 1,
  reviewed: true,
  suspended: false,
  flagged: false,
  removed: false,
};
