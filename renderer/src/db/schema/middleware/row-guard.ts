/**
 * Rows are read through their schema (issue 19: a raw edit — a pack whose `chapters` is not an array,
 * a multiple-choice question without choices — locked Library, Statistics, Self-test or Study for
 * good). A DBCore middleware checks every `packs` row and every question of every `questionChunks`
 * row read, with the schemas a backup's rows are checked with (`core/backup/schema.ts`, the pack
 * schema for questions and chapters): a row that fails is left out of what the read returns — every
 * other row works — and set aside in {@link setAsideRows} with what is wrong, for the notice that
 * offers repair (`ops/stored-rows.ts`).
 *
 * Cheap on the hot paths: a pack row is checked once per version (`id`, `updatedAt`, `contentHash`)
 * and a question chunk once per session until the app writes it again (~20 µs a question: a chunk
 * costs ~2 ms the first time Study loads it, never per answer).
 */
import {
  type DBCore,
  type DBCoreGetManyRequest,
  type DBCoreGetRequest,
  type DBCoreQueryRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
} from 'dexie';
import type { z } from 'zod';
import type { PackRow, QuestionChunkRow, QuestionRow } from '../rows';
import { packRowSchema, questionRowSchema } from '../rows';
import { DexiePromise } from './derived-tables';

/** A stored row left out of reads because it fails its schema. */
export interface SetAsideRow {
  table: 'packs' | 'questionChunks';
  packId: string;
  /** The question's id (for a question), or null (a pack row, or a whole chunk). */
  questionId: string | null;
  /** What is wrong, with the field: “chapters: expected array, received object”. */
  problem: string;
}

const setAside = new Map<string, SetAsideRow[]>();
const listeners = new Set<() => void>();
let snapshot: SetAsideRow[] = [];

function publish(key: string, rows: SetAsideRow[]): void {
  const before = setAside.get(key);
  if (rows.length === 0 && !before) return;
  const same =
    before?.length === rows.length &&
    rows.every((r, i) => r.questionId === before[i]?.questionId && r.problem === before[i]?.problem);
  if (same) return;
  if (rows.length === 0) setAside.delete(key);
  else setAside.set(key, rows);
  snapshot = [...setAside.values()].flat();
  for (const l of listeners) l();
}

/** The rows set aside so far (the same array until it changes). */
export function setAsideRows(): SetAsideRow[] {
  return snapshot;
}

/** Calls `listener` whenever the rows set aside change; returns the unsubscribe. */
export function onSetAsideRows(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets everything set aside and every check made (tests). */
export function resetRowGuard(): void {
  setAside.clear();
  packChecks.clear();
  chunkChecks.clear();
  snapshot = [];
  for (const l of listeners) l();
}

function problemOf(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'malformed';
  const path = first.path.filter((p) => typeof p !== 'symbol').join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

/** Pack rows checked: `id\0updatedAt\0contentHash` → the problem, or null when valid. */
const packChecks = new Map<string, string | null>();
/** Question chunks checked this session: `packId\0chunk` → indices of invalid items (usually none). */
const chunkChecks = new Map<string, Set<number>>();

/** Forgets what was set aside from `table` (it was written: rows are checked again when read). */
function forget(table: 'packs' | 'questionChunks'): void {
  if (table === 'packs') packChecks.clear();
  else chunkChecks.clear();
  let changed = false;
  for (const key of [...setAside.keys()])
    if (key.startsWith(`${table}\0`)) changed = setAside.delete(key) || changed;
  if (!changed) return;
  snapshot = [...setAside.values()].flat();
  for (const l of listeners) l();
}

// Writes by another connection (the backup worker's restore) reach this one as an event.
Dexie.on('storagemutated', (parts) => {
  const keys = Object.keys(parts);
  if (keys.some((k) => k.includes('/packs/'))) forget('packs');
  if (keys.some((k) => k.includes('/questionChunks/'))) forget('questionChunks');
});

function guardPack(row: unknown): unknown {
  const r = row as Partial<PackRow> | null | undefined;
  if (!r || typeof r !== 'object') return row;
  const id = typeof r.id === 'string' ? r.id : String(r.id);
  const version = `${id}\0${r.updatedAt}\0${r.contentHash}`;
  let problem = packChecks.get(version);
  if (problem === undefined) {
    const parsed = packRowSchema.safeParse(row);
    problem = parsed.success ? null : problemOf(parsed.error);
    packChecks.set(version, problem);
  }
  publish(
    `packs\0${id}`,
    problem === null ? [] : [{ table: 'packs', packId: id, questionId: null, problem }],
  );
  return problem === null ? row : undefined;
}

function guardChunk(row: unknown): unknown {
  const r = row as Partial<QuestionChunkRow> | null | undefined;
  if (!r || typeof r !== 'object') return row;
  const packId = String(r.packId);
  const key = `${packId}\0${r.chunk}`;
  if (!Array.isArray(r.items)) {
    publish(`questionChunks\0${key}`, [
      { table: 'questionChunks', packId, questionId: null, problem: `chunk ${r.chunk}: items: not a list` },
    ]);
    return { ...r, items: [] };
  }
  let bad = chunkChecks.get(key);
  if (!bad) {
    bad = new Set<number>();
    const found: SetAsideRow[] = [];
    r.items.forEach((item: unknown, i) => {
      const parsed = questionRowSchema.safeParse(item);
      const problem = parsed.success
        ? (item as QuestionRow).packId === packId
          ? null
          : 'packId: not the pack of its chunk'
        : problemOf(parsed.error);
      if (problem === null) return;
      bad?.add(i);
      const q = item as Partial<QuestionRow> | null;
      const questionId = typeof q?.id === 'string' ? q.id : `#${(r.chunk ?? 0) * 100 + i}`;
      found.push({ table: 'questionChunks', packId, questionId, problem });
    });
    chunkChecks.set(key, bad);
    publish(`questionChunks\0${key}`, found);
  }
  if (bad.size === 0) return row;
  const keep = bad;
  return { ...r, items: r.items.filter((_, i) => !keep.has(i)) };
}

/** An upgrade reads rows of an older schema: it sees them as stored. */
function isUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

function guardTable(table: DBCoreTable, guard: (row: unknown) => unknown): DBCoreTable {
  return {
    ...table,
    get: (req: DBCoreGetRequest) =>
      isUpgrade(req.trans)
        ? table.get(req)
        : (DexiePromise.resolve(table.get(req)).then(guard) as Promise<unknown>),
    getMany: (req: DBCoreGetManyRequest) =>
      isUpgrade(req.trans)
        ? table.getMany(req)
        : (DexiePromise.resolve(table.getMany(req)).then((rows) =>
            rows.map((r) => (r === undefined ? r : guard(r))),
          ) as Promise<unknown[]>),
    query: (req: DBCoreQueryRequest) =>
      !req.values || isUpgrade(req.trans)
        ? table.query(req)
        : (DexiePromise.resolve(table.query(req)).then((res) => ({
            ...res,
            result: res.result.map(guard).filter((r) => r !== undefined),
          })) as ReturnType<DBCoreTable['query']>),
    mutate: (req) => {
      // Written by the app: checked again when next read.
      forget(table.name === 'packs' ? 'packs' : 'questionChunks');
      return table.mutate(req);
    },
  };
}

/** Reads `packs` and `questionChunks` through their schemas (see the file comment). */
export function rowGuardMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name === 'packs') return guardTable(table, guardPack);
      if (name === 'questionChunks') return guardTable(table, guardChunk);
      return table;
    },
  };
}
