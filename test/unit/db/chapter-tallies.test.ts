import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { newCardRow } from '../../../renderer/src/db/repos/packs-repo';
import { countsByPackAndChapter } from '../../../renderer/src/db/repos/study-counts-repo';
import { setSuspended } from '../../../renderer/src/db/repos/study-repo';
import { LecternDb, SCHEMA_VERSIONS } from '../../../renderer/src/db/schema/database';
import {
  checkOfTallies,
  countChapterTallies,
  isStartedCard,
  TALLY_CHECK_KEY,
  talliesMatchCheck,
} from '../../../renderer/src/db/schema/middleware/chapter-tallies';
import type { CardRow, ChapterTallyRow } from '../../../renderer/src/db/schema/rows';
import { makePack, makeQuestion, withCounts } from '../core/stats/fixtures';

const T0 = Date.UTC(2026, 0, 5, 9);
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function freshName(): string {
  const n = `tallies-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
}

const sortTallies = (rows: ChapterTallyRow[]) =>
  [...rows].sort((a, b) => `${a.packId}:${a.chapterId}`.localeCompare(`${b.packId}:${b.chapterId}`));

/** The kept tallies must be what counting the stored cards gives. */
async function expectTalliesMatch(db: LecternDb): Promise<void> {
  const kept = sortTallies(await db.chapterTallies.toArray());
  expect(kept).toEqual(sortTallies(countChapterTallies(await db.cards.toArray())));
  // …and the check kept beside them agrees with them.
  expect(talliesMatchCheck(kept, await db.meta.get(TALLY_CHECK_KEY))).toBe(true);
}

interface CardSpec {
  pack: 'p' | 'q';
  id: number;
  chapter: 'c1' | 'c2' | 'c3';
  state: 0 | 1 | 2 | 3;
  suspended: 0 | 1;
  removed: 0 | 1;
}

function cardOf(s: CardSpec): CardRow {
  return {
    ...newCardRow(s.pack, `x${s.id}`, s.chapter, s.id, T0),
    state: s.state,
    suspended: s.suspended,
    removed: s.removed,
  };
}

const cardSpec = fc.record({
  pack: fc.constantFrom('p' as const, 'q' as const),
  id: fc.integer({ min: 0, max: 7 }),
  chapter: fc.constantFrom('c1' as const, 'c2' as const, 'c3' as const),
  state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  suspended: fc.constantFrom(0 as const, 1 as const),
  removed: fc.constantFrom(0 as const, 1 as const),
});

type Op =
  | { kind: 'put'; cards: CardSpec[] }
  | { kind: 'add'; cards: CardSpec[] }
  | { kind: 'delete'; ids: Array<{ pack: 'p' | 'q'; id: number }> }
  | { kind: 'deletePack'; pack: 'p' | 'q' }
  | { kind: 'clear' }
  | { kind: 'aborted'; cards: CardSpec[] }
  | { kind: 'bulkPut'; cards: CardSpec[] }
  | { kind: 'bulkDelete'; ids: Array<{ pack: 'p' | 'q'; id: number }> };

const ref = fc.record({
  pack: fc.constantFrom('p' as const, 'q' as const),
  id: fc.integer({ min: 0, max: 7 }),
});
/** More than 50 keys: the middleware may read the rows before as one key range (a merge's writes). */
const wideId = fc.integer({ min: 0, max: 300 });
const manyCards = fc.array(
  fc.tuple(cardSpec, wideId).map(([c, id]) => ({ ...c, id })),
  { minLength: 51, maxLength: 90 },
);
const manyRefs = fc.array(
  fc.tuple(ref, wideId).map(([r, id]) => ({ ...r, id })),
  { minLength: 51, maxLength: 90 },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bulkPut' as const), cards: manyCards }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bulkDelete' as const), ids: manyRefs }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('put' as const), cards: fc.array(cardSpec, { maxLength: 6 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add' as const), cards: fc.array(cardSpec, { maxLength: 4 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), ids: fc.array(ref, { maxLength: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deletePack' as const),
      pack: fc.constantFrom('p' as const, 'q' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('aborted' as const),
      cards: fc.array(cardSpec, { minLength: 1, maxLength: 3 }),
    }),
  },
);

async function apply(db: LecternDb, o: Op): Promise<void> {
  switch (o.kind) {
    case 'put':
    case 'bulkPut':
      // A key may come twice in one bulk write: the later row wins.
      await db.cards.bulkPut(o.cards.map(cardOf));
      return;
    case 'add':
      // Keys already stored (or twice in the call) fail one by one; the others are stored (BulkError).
      await db.cards.bulkAdd(o.cards.map(cardOf)).catch((err: unknown) => {
        if (!(err instanceof Dexie.BulkError)) throw err;
      });
      return;
    case 'delete':
    case 'bulkDelete':
      await db.cards.bulkDelete(o.ids.map((r) => `${r.pack}:x${r.id}` as CardRow['key']));
      return;
    case 'deletePack':
      await db.cards.where('packId').equals(o.pack).delete();
      return;
    case 'clear':
      await db.cards.clear();
      return;
    case 'aborted':
      await db
        .transaction('rw', db.cards, async () => {
          await db.cards.bulkPut(o.cards.map(cardOf));
          throw new Error('rolled back');
        })
        .catch(() => {});
      return;
  }
}

describe('chapter tallies', () => {
  it('counts a card as started when studied or suspended, unless removed', () => {
    const base = newCardRow('p', 'a', 'c1', 0, T0);
    expect(isStartedCard(base)).toBe(false);
    expect(isStartedCard({ ...base, state: 2 })).toBe(true);
    expect(isStartedCard({ ...base, suspended: 1 })).toBe(true);
    expect(isStartedCard({ ...base, state: 2, removed: 1 })).toBe(false);
  });

  it('stay equal to a recount of the cards through any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const db = new LecternDb(freshName());
        try {
          for (const o of ops) {
            await apply(db, o);
            await expectTalliesMatch(db);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('count every write of one transaction made without waiting for the one before (tallies lost an update)', async () => {
    const db = new LecternDb(freshName());
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...newCardRow('p', `m${from + i}`, 'c1', from + i, T0),
        state: 2 as const,
      }));
    await db.transaction('rw', db.cards, async () => {
      // Many keys and few, adds and puts, all sent at once: each reads the tally, then writes it.
      await Promise.all([
        db.cards.bulkAdd(rows(0, 60)),
        db.cards.bulkAdd(rows(60, 3)),
        db.cards.bulkPut(rows(100, 70)),
        db.cards.put(rows(200, 1)[0] as CardRow),
      ]);
    });
    expect(await db.chapterTallies.get(['p', 'c1'])).toEqual({ packId: 'p', chapterId: 'c1', started: 134 });
    await expectTalliesMatch(db);
    db.close();
  });

  it('follow a card that moves to another chapter, and drop a chapter left with none', async () => {
    const db = new LecternDb(freshName());
    const card = { ...newCardRow('p', 'a', 'c1', 0, T0), state: 2 as const };
    await db.cards.put(card);
    expect(await db.chapterTallies.toArray()).toEqual([{ packId: 'p', chapterId: 'c1', started: 1 }]);
    await db.cards.put({ ...card, chapterId: 'c2' });
    expect(await db.chapterTallies.toArray()).toEqual([{ packId: 'p', chapterId: 'c2', started: 1 }]);
    db.close();
  });

  it('are kept by the app’s own writes (suspending a question never studied starts it)', async () => {
    const db = new LecternDb(freshName());
    const res = await setSuspended(db, 'p:a' as CardRow['key'], true, { chapterId: 'c1', order: 0 }, T0);
    expect(res.ok).toBe(true);
    expect(await db.chapterTallies.get(['p', 'c1'])).toEqual({ packId: 'p', chapterId: 'c1', started: 1 });
    await expectTalliesMatch(db);
    db.close();
  });

  it('cleared or wrong chapterTallies are recounted from the cards when the Library counts (issue 19)', async () => {
    const db = new LecternDb(freshName());
    const questions = [0, 1, 2, 3].map((i) => makeQuestion('p', `x${i}`, i < 2 ? 'c1' : 'c2', i));
    await db.packs.put(withCounts(makePack('p'), questions));
    await db.cards.bulkPut([
      { ...newCardRow('p', 'x0', 'c1', 0, T0), state: 2, due: T0 + 86_400_000 },
      { ...newCardRow('p', 'x2', 'c2', 2, T0), suspended: 1 },
    ]);
    const right = await countsByPackAndChapter(db, T0);
    expect(right.chapters['p:c1']).toEqual({ due: 0, new: 1, total: 2 });
    expect(right.packs.p).toEqual({ due: 0, new: 2, total: 4 });

    // Edits outside the app: cleared, then changed, then moved between chapters, then garbage.
    const edits: (() => Promise<unknown>)[] = [
      () => db.chapterTallies.clear(),
      () => db.chapterTallies.put({ packId: 'p', chapterId: 'c1', started: 9 }),
      async () => {
        await db.chapterTallies.put({ packId: 'p', chapterId: 'c1', started: 2 });
        await db.chapterTallies.delete(['p', 'c2']);
      },
      () => db.chapterTallies.put({ packId: 'p', chapterId: 'c2', started: 'x' } as never),
      () => db.meta.delete(TALLY_CHECK_KEY),
    ];
    for (const edit of edits) {
      await edit();
      expect(await countsByPackAndChapter(db, T0)).toEqual(right);
      await expectTalliesMatch(db);
    }
    db.close();
  });

  it('get their check from the upgrade from version 3', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_VERSIONS[1] as Record<string, string>);
    v3.version(2).stores(SCHEMA_VERSIONS[2] as Record<string, string | null>);
    v3.version(3).stores(SCHEMA_VERSIONS[3] as Record<string, string | null>);
    const tallies = [
      { packId: 'p', chapterId: 'c1', started: 2 },
      { packId: 'q', chapterId: 'c1', started: 5 },
    ];
    await v3.table('chapterTallies').bulkAdd(tallies);
    v3.close();
    const db = new LecternDb(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
    expect(await db.meta.get(TALLY_CHECK_KEY)).toEqual(checkOfTallies(tallies));
    expect(checkOfTallies(tallies)).toMatchObject({ sum: 7 });
    db.close();
  });

  it('are counted by the upgrade from version 2', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_VERSIONS[1] as Record<string, string>);
    v2.version(2).stores(SCHEMA_VERSIONS[2] as Record<string, string | null>);
    const rows: CardRow[] = [
      { ...newCardRow('p', 'a', 'c1', 0, T0), state: 2, startedOrder: 0, dueKey: T0 },
      { ...newCardRow('p', 'b', 'c1', 1, T0), state: 1, startedOrder: 1, dueKey: T0 },
      { ...newCardRow('p', 'c', 'c2', 2, T0), suspended: 1, startedOrder: 2 },
      { ...newCardRow('p', 'd', 'c2', 3, T0), flagged: 1 },
      { ...newCardRow('p', 'e', 'c3', 4, T0), state: 2, removed: 1 },
    ];
    await v2.table('cards').bulkAdd(rows);
    v2.close();
    const db = new LecternDb(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
    expect(sortTallies(await db.chapterTallies.toArray())).toEqual([
      { packId: 'p', chapterId: 'c1', started: 2 },
      { packId: 'p', chapterId: 'c2', started: 1 },
    ]);
    db.close();
  });
});
