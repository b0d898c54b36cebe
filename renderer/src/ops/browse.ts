/**
 * The operations the Browse screen calls: load every question, apply a bulk action, read a
 * question's history. Components reach the database only through here.
 */
import { type BrowseRow, describeHistory, type HistoryEntry } from '../core/browse';
import type { QuestionType } from '../core/pack/schema';
import {
  applyBrowseAction,
  type BrowseAction,
  type BrowseActionResult,
  type BrowseData,
  type BrowsePack,
  listFlagged,
  loadBrowseData,
  loadQuestionHistory,
  reloadBrowseRows,
} from '../db/repos/browse-repo';
import { db } from '../db/schema/database';

export type { BrowseAction, BrowseActionResult, BrowseData, BrowsePack };

/**
 * Every question of every pack, with `onRows` told of each batch as it is read; `signal` cancels it
 * between batches (it then rejects with `BrowseLoadCancelled`).
 */
export function loadBrowse(
  onRows?: (rows: BrowseRow[], packs: BrowsePack[]) => void,
  signal?: AbortSignal,
): Promise<BrowseData> {
  return loadBrowseData(db, onRows, signal);
}

/** Applies a bulk action to rows, in one transaction. */
export function runBrowseAction(
  action: BrowseAction,
  rows: readonly Pick<BrowseRow, 'key' | 'chapterId' | 'order' | 'removed'>[],
  now: number = Date.now(),
): Promise<BrowseActionResult> {
  return applyBrowseAction(
    db,
    action,
    rows.map((r) => ({ key: r.key, chapterId: r.chapterId, order: r.order, removed: r.removed })),
    now,
  );
}

/** The rows of these questions as stored now (after a write). */
export function refreshBrowseRows(rows: readonly BrowseRow[]): Promise<BrowseRow[]> {
  return reloadBrowseRows(db, rows);
}

/** What the history dialog shows of a question. */
export interface HistoryView {
  /** False when the question is no longer stored (its pack was removed). */
  found: boolean;
  entries: HistoryEntry[];
  /** Reviews and lapses of its card (0 when it has none). */
  reps: number;
  lapses: number;
  /** When it is due, if it is scheduled. */
  due: number | null;
}

/** A question's reviews, newest first, with what was answered in words. */
export async function loadHistory(row: Pick<BrowseRow, 'key' | 'order'>): Promise<HistoryView> {
  const h = await loadQuestionHistory(db, row);
  const card = h.card;
  return {
    found: h.question !== null,
    entries: describeHistory(h.question?.question ?? null, h.reviews),
    reps: card?.reps ?? 0,
    lapses: card?.lapses ?? 0,
    due: card && card.state > 0 && !card.suspended && !card.removed ? card.due : null,
  };
}

/** Flagged questions of some packs, with chapter and type (for the self-test's "Flagged only"). */
export function listFlaggedQuestions(
  packIds: readonly string[],
): Promise<{ key: string; packId: string; chapterId: string; type: QuestionType }[]> {
  return listFlagged(db, packIds);
}
