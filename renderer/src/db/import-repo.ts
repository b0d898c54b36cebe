/**
 * Storing an imported pack: a new pack, or an update of a stored one, each in ONE rw transaction.
 *
 * The update rule (from core/pack/diff): questions are matched by id. Unchanged questions and questions
 * whose wording changed keep their progress; a question whose correct answer changed starts over as new
 * (its review history is kept); a question gone from the file leaves the queue (`removed = 1` on its
 * question and card) but keeps its history; a new question starts as new. A removed question that comes
 * back with the same answer gets its progress back.
 */
import { answerHash, diffPacks, type PackDiff } from '../core/pack/diff';
import type { Pack, Question } from '../core/pack/schema';
import type { LecternDb } from './db';
import { courseOrder, newCardRow, type PackMeta, packRowOf, questionRowOf } from './packs-repo';
import { type CardRow, cardKey, type EpochMs, type PackRow, type QuestionRow } from './rows';

/** Rows written per bulk call: progress can be reported between chunks of one transaction. */
const CHUNK = 10_000;

/** What importing a pack would do, shown before anything is stored. */
export type ImportPreview =
  | { kind: 'new' }
  | {
      kind: 'update';
      /** The stored pack's row as it is now. */
      stored: PackRow;
      diff: PackDiff;
    };

/** What an import did. `changed` keeps progress (wording only); `answerChanged` starts over. */
export interface ImportCounts {
  kind: 'new' | 'update';
  added: number;
  changed: number;
  answerChanged: number;
  removed: number;
  unchanged: number;
}

/** Options of {@link applyImport}. */
export interface ApplyImportOptions {
  /** Called with the fraction of rows written (0..1) inside the transaction. */
  onProgress?: (fraction: number) => void;
  /**
   * The stored pack's `updatedAt` the preview was made from (null: it was not stored). When the
   * stored pack changed since, nothing is written and the import reports `stale`.
   */
  expectUpdatedAt?: EpochMs | null;
}

/** The outcome of {@link applyImport}. */
export type ApplyImportResult =
  | { ok: true; counts: ImportCounts }
  | { ok: false; code: 'stale'; message: string };

/** The live (not removed) questions of a stored pack, in course order. */
async function loadLiveQuestions(db: LecternDb, packId: string): Promise<Question[]> {
  const rows = await db.questions
    .where('[packId+order]')
    .between([packId, -Infinity], [packId, Infinity])
    .toArray();
  return rows.filter((r) => r.removed === 0).map((r) => r.question);
}

/** Compares `pack` with what is stored under its id (read-only): a new pack, or the update summary. */
export async function previewImport(db: LecternDb, pack: Pack): Promise<ImportPreview> {
  return db.transaction('r', [db.packs, db.questions], async (): Promise<ImportPreview> => {
    const stored = await db.packs.get(pack.id);
    if (!stored) return { kind: 'new' };
    const before = await loadLiveQuestions(db, pack.id);
    return { kind: 'update', stored, diff: diffPacks(before, pack.questions) };
  });
}

/** Counts of a diff, as an import reports them. */
export function countDiff(diff: PackDiff): Omit<ImportCounts, 'kind'> {
  const answerChanged = diff.changed.filter((c) => c.answerChanged).length;
  return {
    added: diff.added.length,
    changed: diff.changed.length - answerChanged,
    answerChanged,
    removed: diff.removed.length,
    unchanged: diff.unchanged.length,
  };
}

/**
 * Stores `pack` in one rw transaction: a new pack (its row, questions and a new card each), or an
 * update of the pack stored under the same id by the rule in the module comment. The diff is made
 * inside the transaction from the stored rows, so it is exactly what is applied. An update keeps the
 * stored pack's origin and first import time.
 */
export async function applyImport(
  db: LecternDb,
  pack: Pack,
  meta: PackMeta,
  now: EpochMs,
  opts: ApplyImportOptions = {},
): Promise<ApplyImportResult> {
  return db.transaction('rw', [db.packs, db.questions, db.cards], async (): Promise<ApplyImportResult> => {
    const stored = await db.packs.get(pack.id);
    const expected = opts.expectUpdatedAt;
    if (expected !== undefined && (stored?.updatedAt ?? null) !== expected) {
      return {
        ok: false,
        code: 'stale',
        message: `"${pack.title}" changed since the summary was made: import the file again to see what it would do now.`,
      };
    }
    if (!stored) {
      await writeNewPack(db, pack, meta, now, opts.onProgress);
      return {
        ok: true,
        counts: {
          kind: 'new',
          added: pack.questions.length,
          changed: 0,
          answerChanged: 0,
          removed: 0,
          unchanged: 0,
        },
      };
    }
    const counts = await writeUpdate(
      db,
      pack,
      { ...meta, origin: stored.origin },
      stored,
      now,
      opts.onProgress,
    );
    return { ok: true, counts: { kind: 'update', ...counts } };
  });
}

async function writeNewPack(
  db: LecternDb,
  pack: Pack,
  meta: PackMeta,
  now: EpochMs,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<void> {
  const ordered = courseOrder(pack);
  const questions: QuestionRow[] = [];
  const cards: CardRow[] = [];
  ordered.forEach(({ question, chapterId }, i) => {
    questions.push(questionRowOf(pack.id, question, chapterId, i, answerHash(question)));
    cards.push(newCardRow(pack.id, question.id, chapterId, i, now));
  });
  await db.packs.add(packRowOf(pack, meta, now));
  await writeChunked(questions, cards, onProgress, (q, c) =>
    Promise.all([db.questions.bulkAdd(q), db.cards.bulkAdd(c)]),
  );
}

async function writeUpdate(
  db: LecternDb,
  pack: Pack,
  meta: PackMeta,
  stored: PackRow,
  now: EpochMs,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<Omit<ImportCounts, 'kind'>> {
  const [oldRows, oldCards] = await Promise.all([
    db.questions.where('packId').equals(pack.id).toArray(),
    db.cards.where('packId').equals(pack.id).toArray(),
  ]);
  const rowById = new Map(oldRows.map((r) => [r.id, r]));
  const cardByKey = new Map(oldCards.map((c) => [c.key, c]));
  const live = oldRows.filter((r) => r.removed === 0).sort((a, b) => a.order - b.order);
  const diff = diffPacks(
    live.map((r) => r.question),
    pack.questions,
  );
  const answerChanged = new Set(diff.changed.filter((c) => c.answerChanged).map((c) => c.id));

  const questions: QuestionRow[] = [];
  const cards: CardRow[] = [];
  courseOrder(pack).forEach(({ question, chapterId }, order) => {
    const hash = answerHash(question);
    questions.push(questionRowOf(pack.id, question, chapterId, order, hash));
    const key = cardKey(pack.id, question.id);
    const card = cardByKey.get(key);
    const oldRow = rowById.get(question.id);
    const keeps =
      card !== undefined &&
      oldRow !== undefined &&
      (oldRow.removed === 0 ? !answerChanged.has(question.id) : answerHash(oldRow.question) === hash);
    if (keeps && card) {
      if (card.chapterId !== chapterId || card.order !== order || card.removed !== 0)
        cards.push({ ...card, chapterId, order, removed: 0, rev: card.rev + (card.removed ? 1 : 0) });
    } else {
      const fresh = newCardRow(pack.id, question.id, chapterId, order, now);
      // A stale view of the old card must not be able to answer the new one.
      cards.push(
        card ? { ...fresh, suspended: card.suspended, flagged: card.flagged, rev: card.rev + 1 } : fresh,
      );
    }
  });
  for (const q of diff.removed) {
    const row = rowById.get(q.id);
    if (row) questions.push({ ...row, removed: 1 });
    const card = cardByKey.get(cardKey(pack.id, q.id));
    if (card) cards.push({ ...card, removed: 1, rev: card.rev + 1 });
  }
  await db.packs.put(packRowOf(pack, meta, now, stored.importedAt));
  await writeChunked(questions, cards, onProgress, (q, c) =>
    Promise.all([db.questions.bulkPut(q), db.cards.bulkPut(c)]),
  );
  return countDiff(diff);
}

/** Writes two row lists in chunks (one bulk call each per chunk, never one await per row). */
async function writeChunked(
  questions: QuestionRow[],
  cards: CardRow[],
  onProgress: ((fraction: number) => void) | undefined,
  write: (q: QuestionRow[], c: CardRow[]) => Promise<unknown>,
): Promise<void> {
  const total = Math.max(questions.length, cards.length);
  for (let i = 0; i < total; i += CHUNK) {
    await write(questions.slice(i, i + CHUNK), cards.slice(i, i + CHUNK));
    onProgress?.(Math.min(1, (i + CHUNK) / total));
  }
  onProgress?.(1);
}
