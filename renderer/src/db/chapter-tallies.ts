/**
 * Started cards per chapter, kept beside the cards (schema v3) so the Library's new counts need no
 * index walk: IndexedDB has no constant-time count, and counting a chapter's started cards by index
 * costs ~12 µs per row here (0.9 s at start-up with 75k studied cards).
 *
 * A card is *started* when it has a `startedOrder` (see `withCardIndexFields`): studied or
 * suspended, and not removed. The tally of a chapter is the number of its started cards. It is kept
 * by a DBCore middleware ({@link chapterTallyMiddleware}) under every write to `cards`, whichever
 * Dexie call makes it, in the same transaction: a read-write transaction over `cards` always takes
 * `chapterTallies` in too. The v2 → v3 upgrade counts them once ({@link countChapterTallies}).
 */
import type {
  DBCore,
  DBCoreDeleteRangeRequest,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Transaction,
} from 'dexie';
import { DexiePromise, transactionHas, widenReadWrite, wrapWrites } from './derived-tables';
import type { CardRow, ChapterTallyRow } from './rows';

/** The table of tallies (not in backups: it is derived from `cards`). */
export const TALLY_TABLE = 'chapterTallies';

type CardState = Pick<CardRow, 'packId' | 'chapterId' | 'state' | 'suspended' | 'removed'>;

/** Whether a card row counts as started (studied or suspended, not removed). */
export function isStartedCard(row: CardState): boolean {
  return !row.removed && (row.state > 0 || row.suspended === 1);
}

const tallyKey = (packId: string, chapterId: string) => JSON.stringify([packId, chapterId]);

/** Adds `sign` to the tally of `row`'s chapter in `deltas` when the row is started. */
function addDelta(deltas: Map<string, number>, row: CardState | undefined, sign: 1 | -1): void {
  if (!row || !isStartedCard(row)) return;
  const k = tallyKey(row.packId, row.chapterId);
  deltas.set(k, (deltas.get(k) ?? 0) + sign);
}

/**
 * Counts the started cards of `rows` per chapter (the tallies a table holding exactly these rows
 * has). Used by the upgrade and by tests to check the kept tallies.
 */
export function countChapterTallies(rows: Iterable<CardState>): ChapterTallyRow[] {
  const deltas = new Map<string, number>();
  for (const row of rows) addDelta(deltas, row, 1);
  return [...deltas].map(([k, started]) => {
    const [packId, chapterId] = JSON.parse(k) as [string, string];
    return { packId, chapterId, started };
  });
}

/** The rows `req` replaces or deletes, as stored before it. */
function rowsBefore(cards: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<(CardRow | undefined)[]> {
  switch (req.type) {
    case 'add':
      return DexiePromise.resolve([]); // an add of an existing key fails: nothing is replaced
    case 'put':
      return cards.getMany({ trans: req.trans, keys: req.values.map((v) => (v as CardRow).key) });
    case 'delete':
      return cards.getMany({ trans: req.trans, keys: req.keys });
    case 'deleteRange':
      return cards
        .query({
          trans: req.trans,
          values: true,
          query: { index: cards.schema.primaryKey, range: req.range },
        })
        .then((res) => res.result as CardRow[]);
  }
}

/** Applies `deltas` to the stored tallies (a tally that reaches zero is deleted). */
function applyDeltas(
  tallies: DBCoreTable,
  trans: DBCoreTransaction,
  deltas: Map<string, number>,
): PromiseLike<unknown> {
  const changed = [...deltas].filter(([, d]) => d !== 0);
  if (changed.length === 0) return DexiePromise.resolve();
  const keys = changed.map(([k]) => JSON.parse(k) as [string, string]);
  return DexiePromise.resolve(tallies.getMany({ trans, keys })).then((stored) => {
    const puts: ChapterTallyRow[] = [];
    const deletes: [string, string][] = [];
    changed.forEach(([, d], i) => {
      const [packId, chapterId] = keys[i] as [string, string];
      const started = ((stored[i] as ChapterTallyRow | undefined)?.started ?? 0) + d;
      if (started > 0) puts.push({ packId, chapterId, started });
      else deletes.push([packId, chapterId]);
    });
    return DexiePromise.all([
      puts.length > 0 ? tallies.mutate({ type: 'put', trans, values: puts }) : null,
      deletes.length > 0 ? tallies.mutate({ type: 'delete', trans, keys: deletes }) : null,
    ]);
  });
}

/** `Table.clear()`: a delete of the whole key range (DBCoreRangeType.Any). */
function isWholeTable(req: DBCoreMutateRequest): boolean {
  return req.type === 'deleteRange' && (req.range.type as number) === 3;
}

/**
 * The tally changes of `req` given the rows before it and which of its operations failed. A key
 * written twice in one request counts from what the first write left.
 */
function deltasOf(
  req: DBCoreMutateRequest,
  before: readonly (CardRow | undefined)[],
  failed: Record<number, unknown>,
): Map<string, number> {
  const deltas = new Map<string, number>();
  if (req.type === 'deleteRange') {
    for (const row of before) addDelta(deltas, row, -1);
    return deltas;
  }
  const keys: unknown[] = req.type === 'delete' ? req.keys : req.values.map((v) => (v as CardRow).key);
  const now = new Map<unknown, CardRow | undefined>();
  keys.forEach((key, i) => {
    if (failed[i]) return;
    const prev = now.has(key) ? now.get(key) : before[i];
    const next = req.type === 'delete' ? undefined : (req.values[i] as CardRow);
    addDelta(deltas, prev, -1);
    addDelta(deltas, next, 1);
    now.set(key, next);
  });
  return deltas;
}

/**
 * Keeps `chapterTallies` in step with every write to `cards` (see the file comment): reads the rows
 * a write replaces together with making the write, then adds the difference in started cards per
 * chapter to the tallies.
 */
export function chapterTallyMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    transaction: widenReadWrite(down, 'cards', TALLY_TABLE),
    table: wrapWrites(down, 'cards', (table, req) => {
      if (!transactionHas(req.trans, TALLY_TABLE)) return table.mutate(req);
      const tallies = down.table(TALLY_TABLE);
      if (isWholeTable(req)) {
        const range = (req as DBCoreDeleteRangeRequest).range;
        return DexiePromise.resolve(table.mutate(req)).then((res) =>
          DexiePromise.resolve(tallies.mutate({ type: 'deleteRange', trans: req.trans, range })).then(
            () => res,
          ),
        ) as Promise<DBCoreMutateResponse>;
      }
      // Both go out at once: requests in one transaction run in the order made, so the read sees
      // the rows as they were before the write (and the write waits for no round trip).
      const before = rowsBefore(table, req);
      const written = table.mutate(req);
      return DexiePromise.all([before, written]).then(([rows, res]) =>
        DexiePromise.resolve(applyDeltas(tallies, req.trans, deltasOf(req, rows, res.failures ?? {}))).then(
          () => res,
        ),
      ) as Promise<DBCoreMutateResponse>;
    }),
  };
}

/** The v2 → v3 upgrade: counts every chapter's started cards once (one pass over `cards`). */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const tallies = countChapterTallies(await tx.table<CardRow>('cards').toArray());
  // The table was created empty by this version.
  await tx.table(TALLY_TABLE).bulkAdd(tallies);
}
