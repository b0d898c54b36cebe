/**
 * Started cards per chapter, kept beside the cards (schema v3) so the Library's new counts need no
 * index walk: IndexedDB has no constant-time count, and counting a chapter's started cards by index
 * costs ~12 µs per row here (0.9 s at start-up with 75k studied cards).
 *
 * A card is *started* when it has a `startedOrder` (see `withCardIndexFields`): studied or
 * suspended, and not removed. The tally of a chapter is the number of its started cards. It is kept
 * by a DBCore middleware ({@link chapterTallyMiddleware}) under every write to `cards`, whichever
 * Dexie call makes it, in the same transaction: a read-write transaction over `cards` always takes
 * `chapterTallies` in too. The v2 → v3 upgrade counts them once ({@link countChapterTallies}, in `upgrade-v3-v4.ts`).
 *
 * Since schema v4 the same writes keep a check of the tallies beside them, in `meta` (issue 19: a
 * cleared or edited tally gave wrong Library counts forever): the sum of the started cards and a
 * weighted sum (each chapter's tally times a weight from its key), both updated by the same deltas.
 * The Library compares the tallies it reads with the check ({@link talliesMatchCheck}, a few rows)
 * and, when they disagree, recounts them from the cards (`rebuildChapterTallies` in `tallies-repo.ts`).
 */
import type {
  DBCore,
  DBCoreDeleteRangeRequest,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import type { CardRow, ChapterTallyRow, MetaRow } from '../rows';
import { DexiePromise, transactionHas, widenReadWrite, wrapWrites } from './derived-tables';

/** The table of tallies (not in backups: it is derived from `cards`). */
export const TALLY_TABLE = 'chapterTallies';
/** The table holding the tallies' check (schema v4). */
export const META_TABLE = 'meta';
/** The key of the tallies' check in `meta`. */
export const TALLY_CHECK_KEY = 'chapter-tallies';
type TallyCheck = Extract<MetaRow, { key: 'chapter-tallies' }>;
const MOD = 2 ** 32;

type CardState = Pick<CardRow, 'packId' | 'chapterId' | 'state' | 'suspended' | 'removed'>;

/** Whether a card row counts as started (studied or suspended, not removed). */
export function isStartedCard(row: CardState): boolean {
  return !row.removed && (row.state > 0 || row.suspended === 1);
}

export const tallyKey = (packId: string, chapterId: string) => JSON.stringify([packId, chapterId]);

/** Adds `sign` to the tally of `row`'s chapter in `deltas` when the row is started. */
function addDelta(deltas: Map<string, number>, row: CardState | undefined, sign: 1 | -1): void {
  if (!row || !isStartedCard(row)) return;
  const k = tallyKey(row.packId, row.chapterId);
  deltas.set(k, (deltas.get(k) ?? 0) + sign);
}

/** The weight of a chapter in the check: FNV-1a of its key, 1 … 2²⁰ (products stay exact in a double). */
function weightOf(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  return ((h >>> 0) % 0xfffff) + 1;
}

/** `check` with `deltas` (by tally key) added. */
function addToCheck(check: TallyCheck, deltas: Iterable<[string, number]>): TallyCheck {
  let { sum, weighted } = check;
  for (const [k, d] of deltas) {
    sum += d;
    weighted = (((weighted + d * weightOf(k)) % MOD) + MOD) % MOD;
  }
  return { key: TALLY_CHECK_KEY, sum, weighted };
}

const EMPTY_CHECK: TallyCheck = { key: TALLY_CHECK_KEY, sum: 0, weighted: 0 };

/** The check of exactly these tallies. */
export function checkOfTallies(rows: Iterable<ChapterTallyRow>): TallyCheck {
  const deltas: [string, number][] = [];
  for (const r of rows) deltas.push([tallyKey(r.packId, r.chapterId), r.started]);
  return addToCheck(EMPTY_CHECK, deltas);
}

/**
 * Whether the stored tallies agree with the check kept beside them (none stored counts as empty): a
 * cleared table, a tally changed, added or dropped, or a row that is not a tally, all disagree.
 */
export function talliesMatchCheck(rows: readonly unknown[], stored: MetaRow | undefined): boolean {
  const valid = rows.every((r) => {
    const t = r as Partial<ChapterTallyRow> | null;
    return (
      typeof t?.packId === 'string' &&
      typeof t.chapterId === 'string' &&
      Number.isSafeInteger(t.started) &&
      (t.started as number) > 0
    );
  });
  if (!valid) return false;
  const check = stored?.key === TALLY_CHECK_KEY ? stored : EMPTY_CHECK;
  const actual = checkOfTallies(rows as ChapterTallyRow[]);
  return actual.sum === check.sum && actual.weighted === check.weighted;
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

/** Past this many keys, {@link storedRows} considers one range read instead of a lookup each. */
const RANGE_READ_KEYS = 50;

/**
 * The stored rows of `keys` (undefined where none). Many keys of one dense run (a merge replays most
 * of a pack's cards) are read as one key range when it holds few other rows: Chromium's IndexedDB
 * spends ~200 µs a lookup, so 10k lookups cost seconds where one range read costs ~0.1 s.
 */
function storedRows(
  cards: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly unknown[],
): PromiseLike<(CardRow | undefined)[]> {
  if (keys.length <= RANGE_READ_KEYS || !keys.every((k) => typeof k === 'string'))
    return cards.getMany({ trans, keys: [...keys] });
  const sorted = [...(keys as string[])].sort();
  // DBCoreRangeType.Range (a const enum Dexie does not export at runtime).
  const range = {
    type: 2,
    lower: sorted[0],
    lowerOpen: false,
    upper: sorted[sorted.length - 1],
    upperOpen: false,
  };
  const query = { index: cards.schema.primaryKey, range } as Parameters<DBCoreTable['count']>[0]['query'];
  return cards.count({ trans, query }).then((count) => {
    if (count > 4 * keys.length) return cards.getMany({ trans, keys: [...keys] });
    return cards.query({ trans, values: true, query }).then((res) => {
      const byKey = new Map((res.result as CardRow[]).map((r) => [r.key as string, r]));
      return keys.map((k) => byKey.get(k as string));
    });
  });
}

/** How many keys a write names (0 for a range delete). */
function writtenKeys(req: DBCoreMutateRequest): number {
  return req.type === 'put' || req.type === 'add'
    ? req.values.length
    : req.type === 'delete'
      ? req.keys.length
      : 0;
}

/** The rows `req` replaces or deletes, as stored before it. */
function rowsBefore(cards: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<(CardRow | undefined)[]> {
  switch (req.type) {
    case 'add':
      return DexiePromise.resolve([]); // an add of an existing key fails: nothing is replaced
    case 'put':
      return storedRows(
        cards,
        req.trans,
        req.values.map((v) => (v as CardRow).key),
      );
    case 'delete':
      return storedRows(cards, req.trans, req.keys);
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

/**
 * Applies `deltas` to the stored tallies (a tally that reaches zero is deleted), and to their check
 * when the transaction has `meta` (an upgrade to an older version has not).
 */
function applyDeltas(
  down: DBCore,
  trans: DBCoreTransaction,
  deltas: Map<string, number>,
): PromiseLike<unknown> {
  const tallies = down.table(TALLY_TABLE);
  const changed = [...deltas].filter(([, d]) => d !== 0);
  if (changed.length === 0) return DexiePromise.resolve();
  const keys = changed.map(([k]) => JSON.parse(k) as [string, string]);
  const meta = transactionHas(trans, META_TABLE) ? down.table(META_TABLE) : null;
  return DexiePromise.all([
    tallies.getMany({ trans, keys }),
    meta ? meta.get({ trans, key: TALLY_CHECK_KEY }) : null,
  ]).then(([stored, check]) => {
    const puts: ChapterTallyRow[] = [];
    const deletes: [string, string][] = [];
    changed.forEach(([, d], i) => {
      const [packId, chapterId] = keys[i] as [string, string];
      const started = ((stored[i] as ChapterTallyRow | undefined)?.started ?? 0) + d;
      if (started > 0) puts.push({ packId, chapterId, started });
      else deletes.push([packId, chapterId]);
    });
    const kept = (check as TallyCheck | undefined) ?? EMPTY_CHECK;
    return DexiePromise.all([
      puts.length > 0 ? tallies.mutate({ type: 'put', trans, values: puts }) : null,
      deletes.length > 0 ? tallies.mutate({ type: 'delete', trans, keys: deletes }) : null,
      meta ? meta.mutate({ type: 'put', trans, values: [addToCheck(kept, changed)] }) : null,
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
 * chapter to the tallies. Tally updates of one transaction run one after another: writes sent
 * without waiting for each other (a merge sends its new cards in parts) each read a tally and write
 * it back, and two of those interleaved lost one's count.
 */
export function chapterTallyMiddleware(down: DBCore): DBCore {
  const lastUpdate = new WeakMap<DBCoreTransaction, PromiseLike<unknown>>();
  const serialized = (trans: DBCoreTransaction, update: () => PromiseLike<unknown>): PromiseLike<unknown> => {
    const before = lastUpdate.get(trans);
    const run = before ? DexiePromise.resolve(before).then(update) : DexiePromise.resolve(update());
    // A failed update fails its own write (and so the transaction); the next still waits for it.
    lastUpdate.set(
      trans,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  };
  return {
    ...down,
    transaction: widenReadWrite(down, 'cards', [TALLY_TABLE, META_TABLE]),
    table: wrapWrites(down, 'cards', (table, req) => {
      if (!transactionHas(req.trans, TALLY_TABLE)) return table.mutate(req);
      const tallies = down.table(TALLY_TABLE);
      if (isWholeTable(req)) {
        const range = (req as DBCoreDeleteRangeRequest).range;
        const trans = req.trans;
        return DexiePromise.resolve(table.mutate(req)).then((res) =>
          DexiePromise.all([
            tallies.mutate({ type: 'deleteRange', trans, range }),
            transactionHas(trans, META_TABLE)
              ? down.table(META_TABLE).mutate({ type: 'put', trans, values: [EMPTY_CHECK] })
              : null,
          ]).then(() => res),
        ) as Promise<DBCoreMutateResponse>;
      }
      const tally = (rows: (CardRow | undefined)[], res: DBCoreMutateResponse) =>
        DexiePromise.resolve(
          serialized(req.trans, () => applyDeltas(down, req.trans, deltasOf(req, rows, res.failures ?? {}))),
        ).then(() => res);
      // A write of many keys reads the rows before it first (`storedRows` may count a key range
      // before reading it: two round trips the write must not overtake).
      if (writtenKeys(req) > RANGE_READ_KEYS)
        return DexiePromise.resolve(rowsBefore(table, req)).then((rows) =>
          DexiePromise.resolve(table.mutate(req)).then((res) => tally(rows, res)),
        ) as Promise<DBCoreMutateResponse>;
      // Both go out at once: requests in one transaction run in the order made, so the read sees
      // the rows as they were before the write (and the write waits for no round trip).
      const before = rowsBefore(table, req);
      const written = table.mutate(req);
      return DexiePromise.all([before, written]).then(([rows, res]) =>
        tally(rows, res),
      ) as Promise<DBCoreMutateResponse>;
    }),
  };
}
