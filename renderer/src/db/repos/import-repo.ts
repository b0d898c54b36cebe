/**
 * Storing an imported pack: a new pack, or an update of a stored one, each in ONE rw transaction.
 *
 * The update rule (from core/pack/diff): questions are matched by id. Unchanged questions and questions
 * whose wording changed keep their progress; a question whose correct answer changed starts over as new
 * (its review history is kept); a question gone from the file leaves the queue (`removed = 1` on its
 * question and card, ordered after the live questions) but keeps its history; a new question starts as new. A removed question that comes
 * back with the same answer gets its progress back.
 */
import { packNameFromFile } from '../../core/formats/ids';
import { answerHash, diffPacks, type PackDiff } from '../../core/pack/diff';
import type { Pack, Question } from '../../core/pack/schema';
import type { LecternDb } from '../schema/database';
import type { CardRow, EpochMs, PackRow, SourceFormat } from '../schema/rows';
import { newCardRow, type PackMeta, packRowOf, questionRowsOf } from './packs-repo';
import { readPackQuestions, writePackQuestions } from './question-chunks';

/** Card rows written per bulk call. */
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
  const rows = await readPackQuestions(db, packId);
  return rows.filter((r) => r.removed === 0).map((r) => r.question);
}

/** Compares `pack` with what is stored under its id (read-only): a new pack, or the update summary. */
export async function previewImport(db: LecternDb, pack: Pack): Promise<ImportPreview> {
  return db.transaction('r', [db.packs, db.questionChunks], async (): Promise<ImportPreview> => {
    const stored = await db.packs.get(pack.id);
    if (!stored) return { kind: 'new' };
    const before = await loadLiveQuestions(db, pack.id);
    return { kind: 'update', stored, diff: diffPacks(before, pack.questions) };
  });
}

/** Where a read pack came from: what {@link identifyPack} needs besides the pack. */
export interface PackSource {
  format: SourceFormat;
  fileName: string;
  /** The file names its own pack id (see `ReadPackResult.idGiven`). */
  idGiven: boolean;
}

/**
 * The pack a read file is, by identity: a file's own id always names the pack (an update from another
 * format is shown as such before anything is stored). An id derived from the file name names the pack
 * of that name AND format: when the id is stored for another format, this file is another pack
 * (`id.format`). Aiken and delimited files stored before their derived ids named the format keep
 * being updated under their old id. Read-only; returns `pack` itself or a copy with the id to use.
 */
export async function identifyPack(db: LecternDb, pack: Pack, source: PackSource): Promise<Pack> {
  if (source.idGiven) return pack;
  return db.transaction('r', [db.packs], async (): Promise<Pack> => {
    const stored = await db.packs.get(pack.id);
    // A row without a format (none is written so) counts as this file's format, as it did before.
    if (stored)
      return (stored.format ?? source.format) === source.format
        ? pack
        : { ...pack, id: `${pack.id}.${source.format}` };
    if (source.format === 'aiken' || source.format === 'delimited') {
      const oldId = packNameFromFile(source.fileName).id;
      const old = await db.packs.get(oldId);
      if (old && old.origin === 'imported' && old.format === source.format) return { ...pack, id: oldId };
    }
    return pack;
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
  return db.transaction(
    'rw',
    [db.packs, db.questionChunks, db.cards],
    async (): Promise<ApplyImportResult> => {
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
        // A stored row that fails its schema reads as none (`row-guard.ts`): this file replaces it.
        await db.packs.delete(pack.id);
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
    },
  );
}

async function writeNewPack(
  db: LecternDb,
  pack: Pack,
  meta: PackMeta,
  now: EpochMs,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<void> {
  await db.packs.add(packRowOf(pack, meta, now));
  await writePackQuestions(db, pack.id, questionRowsOf(pack), onProgress);
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
    readPackQuestions(db, pack.id),
    db.cards.where('packId').equals(pack.id).toArray(),
  ]);
  const rowById = new Map(oldRows.map((r) => [r.id, r]));
  const cardByKey = new Map(oldCards.map((c) => [c.key, c]));
  const live = oldRows.filter((r) => r.removed === 0);
  const diff = diffPacks(
    live.map((r) => r.question),
    pack.questions,
  );
  const answerChanged = new Set(diff.changed.filter((c) => c.answerChanged).map((c) => c.id));

  const questions = questionRowsOf(pack);
  const cards: CardRow[] = [];
  for (const q of questions) {
    const card = cardByKey.get(q.key);
    if (!card) continue;
    const oldRow = rowById.get(q.id);
    const keeps =
      oldRow !== undefined &&
      (oldRow.removed === 0
        ? !answerChanged.has(q.id)
        : answerHash(oldRow.question) === answerHash(q.question));
    if (keeps) {
      if (card.chapterId !== q.chapterId || card.order !== q.order || card.removed !== 0)
        cards.push({
          ...card,
          chapterId: q.chapterId,
          order: q.order,
          removed: 0,
          rev: card.rev + (card.removed ? 1 : 0),
        });
    } else {
      // Starts over as new. The row stays (state New) so a stale view of the old card cannot answer it.
      const fresh = newCardRow(pack.id, q.id, q.chapterId, q.order, now);
      cards.push({ ...fresh, suspended: card.suspended, flagged: card.flagged, rev: card.rev + 1 });
    }
  }
  // Questions no longer in the file keep their rows (their history stays), after the live ones.
  const inFile = new Set(pack.questions.map((q) => q.id));
  const gone = oldRows.filter((r) => !inFile.has(r.id));
  const liveCount = questions.length;
  gone.forEach((row, i) => {
    const order = liveCount + i;
    questions.push({ ...row, order, removed: 1 });
    const card = cardByKey.get(row.key);
    if (card && (card.removed === 0 || card.order !== order))
      cards.push({ ...card, order, removed: 1, rev: card.rev + (card.removed ? 0 : 1) });
  });
  // A file the student imports over a bundled pack keeps the record of the bundled file last applied.
  const bundledHash = meta.bundledHash ?? stored.bundledHash;
  await db.packs.put(packRowOf(pack, bundledHash ? { ...meta, bundledHash } : meta, now, stored.importedAt));
  await writePackQuestions(db, pack.id, questions, (f) => onProgress?.(f * 0.9));
  for (let i = 0; i < cards.length; i += CHUNK) await db.cards.bulkPut(cards.slice(i, i + CHUNK));
  onProgress?.(1);
  return countDiff(diff);
}
