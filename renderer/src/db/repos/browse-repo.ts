/**
 * Browse's reads and writes: every question of every pack with its card (a question has a card row
 * only once studied, suspended or flagged), a question's review history, and the bulk actions —
 * each one `rw` transaction over the cards (the chapter-tally middleware widens it to the tallies
 * and keeps them right).
 */
import { type BrowseRow, toBrowseRow } from '../../core/browse';
import type { LecternDb } from '../schema/database';
import { withCardIndexFields } from '../schema/database';
import type { CardKey, CardRow, EpochMs, PackRow, QuestionRow, ReviewRow } from '../schema/rows';
import { newCardRow } from './packs-repo';
import { readQuestions } from './question-chunks';
import { deleteCardReviews, readCardReviews } from './revlog-repo';
import { sortPacksForStudy } from './study-pack-layouts';

/** A pack as Browse lists it in its filters. */
export interface BrowsePack {
  id: string;
  title: string;
  chapters: { id: string; title: string }[];
}

export interface BrowseData {
  packs: BrowsePack[];
  rows: BrowseRow[];
}

/** Question chunk records read per request (each holds up to a hundred questions). */
const CHUNKS_PER_READ = 200;

/** Thrown by {@link loadBrowseData} when its signal is aborted (the screen was left). */
export class BrowseLoadCancelled extends Error {
  constructor() {
    super('Reading the questions was cancelled.');
  }
}

/**
 * Every question of every pack (removed ones too), with its card, packs in Library order.
 * `onRows` gets each batch as it is read, so a large library can show its first rows early (and
 * how far it got); `signal` stops it between batches.
 */
export async function loadBrowseData(
  db: LecternDb,
  onRows?: (rows: BrowseRow[], packs: BrowsePack[]) => void,
  signal?: AbortSignal,
): Promise<BrowseData> {
  const packRows = sortPacksForStudy(await db.packs.toArray());
  const packs = packRows.map(toBrowsePack);
  const rows: BrowseRow[] = [];
  const stopIfAsked = () => {
    if (signal?.aborted) throw new BrowseLoadCancelled();
  };
  for (const [rank, pack] of packRows.entries()) {
    stopIfAsked();
    const cards = new Map<string, CardRow>();
    // A pack's cards are the keys `${packId}:…`, a range of the primary key ('-', '.', digits < ':' < ';' < letters):
    // read straight from the table, without the lookups a read through the packId index costs.
    const own = await db.cards.where(':id').between(`${pack.id}:`, `${pack.id};`, true, false).toArray();
    for (const c of own) cards.set(c.key, c);
    let chunk = 0;
    for (;;) {
      stopIfAsked();
      const chunks = await db.questionChunks
        .where('[packId+chunk]')
        .between([pack.id, chunk], [pack.id, Number.POSITIVE_INFINITY], true, true)
        .limit(CHUNKS_PER_READ)
        .toArray();
      if (chunks.length === 0) break;
      const batch: BrowseRow[] = [];
      for (const c of chunks) for (const q of c.items) batch.push(toBrowseRow(q, cards.get(q.key), rank));
      rows.push(...batch);
      onRows?.(batch, packs);
      chunk = (chunks[chunks.length - 1]?.chunk ?? chunk) + 1;
      if (chunks.length < CHUNKS_PER_READ) break;
    }
  }
  return { packs, rows };
}

/**
 * The rows of some questions read again (after a write), each keeping its pack's rank; a question
 * no longer stored is left out.
 */
export async function reloadBrowseRows(
  db: LecternDb,
  rows: readonly Pick<BrowseRow, 'key' | 'order' | 'packRank'>[],
): Promise<BrowseRow[]> {
  return db.transaction('r', db.cards, db.questionChunks, async () => {
    const keys = rows.map((r) => r.key as CardKey);
    const [cards, questions] = await Promise.all([
      db.cards.bulkGet(keys),
      readQuestions(
        db,
        rows.map((r) => ({ key: r.key as CardKey, order: r.order })),
      ),
    ]);
    return rows.flatMap((r, i) => {
      const q = questions.get(r.key as CardKey);
      return q ? [toBrowseRow(q, cards[i], r.packRank)] : [];
    });
  });
}

function toBrowsePack(p: PackRow): BrowsePack {
  return { id: p.id, title: p.title, chapters: p.chapters.map((c) => ({ id: c.id, title: c.title })) };
}

/** A question a bulk action is applied to: its key, and where it sits (for a card row it may need). */
export interface BrowseTarget {
  key: string;
  chapterId: string;
  order: number;
  /** Removed from its pack: a row created for it stays out of the queue and the tallies. */
  removed: boolean;
}

/** The bulk actions of Browse. */
export type BrowseAction = 'suspend' | 'unsuspend' | 'flag' | 'unflag' | 'reset' | 'reschedule';

/** What a bulk action did. */
export interface BrowseActionResult {
  /** Questions it changed. */
  changed: number;
  /** Questions it left as they were (already so, or not applicable: e.g. rescheduling a new one). */
  unchanged: number;
  /** Review-log rows deleted (reset only). */
  reviewsDeleted: number;
}

/** The card a question starts from when it has no row (state New, due `now`). */
function startRow(t: BrowseTarget, now: EpochMs): CardRow {
  const sep = t.key.indexOf(':');
  const row = newCardRow(t.key.slice(0, sep), t.key.slice(sep + 1), t.chapterId, t.order, now);
  return t.removed ? { ...row, removed: 1 } : row;
}

/** The new row of a card after `action`, `null` to delete it, `undefined` to leave it. */
function actOn(
  action: BrowseAction,
  card: CardRow | undefined,
  t: BrowseTarget,
  now: EpochMs,
): CardRow | null | undefined {
  const mark = (field: 'suspended' | 'flagged', on: 0 | 1) => {
    if ((card?.[field] ?? 0) === on) return undefined;
    const from = card ?? startRow(t, now);
    return { ...from, [field]: on, rev: from.rev + 1 };
  };
  switch (action) {
    case 'suspend':
      return mark('suspended', 1);
    case 'unsuspend':
      return mark('suspended', 0);
    case 'flag':
      return mark('flagged', 1);
    case 'unflag':
      return mark('flagged', 0);
    case 'reschedule':
      // Studied cards come up today; their history stays, so FSRS sees the real time since the last review.
      if (!card || card.state === 0 || card.removed || card.due <= now) return undefined;
      return { ...card, due: now, rev: card.rev + 1 };
    case 'reset': {
      if (!card) return undefined;
      // The student's own marks stay, on a New row (as resetting a pack keeps them).
      if (card.suspended || card.flagged)
        return {
          ...startRow({ ...t, removed: card.removed === 1 }, now),
          suspended: card.suspended,
          flagged: card.flagged,
          rev: card.rev + 1,
        };
      return null;
    }
  }
}

/**
 * Applies `action` to the questions of `targets` in one transaction. Suspend and flag give a
 * question with no card row a New row with the mark; unsuspend and unflag leave such a question
 * alone. Reset starts a question over as resetting its pack does: its card row goes (a suspended or
 * flagged one keeps its marks on a New row) and so do its review-log rows, so statistics do not
 * describe progress that no longer exists. Reschedule makes a studied card due `now` (never later
 * than it was) and leaves new questions new.
 */
export async function applyBrowseAction(
  db: LecternDb,
  action: BrowseAction,
  targets: readonly BrowseTarget[],
  now: EpochMs,
): Promise<BrowseActionResult> {
  const unique = [...new Map(targets.map((t) => [t.key, t])).values()];
  return db.transaction('rw', [db.cards, db.revlog, db.revlogDays, db.undo], async () => {
    const cards = await db.cards.bulkGet(unique.map((t) => t.key as CardKey));
    const put: CardRow[] = [];
    const del: CardKey[] = [];
    unique.forEach((t, i) => {
      const next = actOn(action, cards[i], t, now);
      if (next === null) del.push(t.key as CardKey);
      else if (next !== undefined) put.push(withCardIndexFields(next));
    });
    let reviewsDeleted = 0;
    if (action === 'reset') {
      const keys = unique.map((t) => t.key);
      reviewsDeleted = await deleteCardReviews(db, keys);
      await db.undo.where('cardKey').anyOf(keys).delete();
    }
    if (put.length > 0) await db.cards.bulkPut(put);
    if (del.length > 0) await db.cards.bulkDelete(del);
    const changed = put.length + del.length;
    return { changed, unchanged: unique.length - changed, reviewsDeleted };
  });
}

/** A question with its card and its review log (oldest first). */
export interface QuestionHistory {
  question: QuestionRow | null;
  card: CardRow | null;
  reviews: ReviewRow[];
}

/** The question of `key` (found by its order's chunk), its card and every review of it. */
export async function loadQuestionHistory(
  db: LecternDb,
  ref: { key: string; order: number },
): Promise<QuestionHistory> {
  return db.transaction('r', [db.questionChunks, db.cards, db.revlog, db.revlogDays], async () => {
    const key = ref.key as CardKey;
    const [questions, card, stored] = await Promise.all([
      readQuestions(db, [{ key, order: ref.order }]),
      db.cards.get(key),
      readCardReviews(db, [key]),
    ]);
    const reviews = stored.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    return { question: questions.get(key) ?? null, card: card ?? null, reviews };
  });
}

/**
 * The flagged questions of some packs (keys with chapter and type), for the self-test's "Flagged
 * only": flagged card rows, their questions read by chunk; removed ones left out.
 */
export async function listFlagged(
  db: LecternDb,
  packIds: readonly string[],
): Promise<{ key: string; packId: string; chapterId: string; type: QuestionRow['type'] }[]> {
  return db.transaction('r', db.cards, db.questionChunks, async () => {
    const cards = (
      await db.cards
        .where('packId')
        .anyOf([...packIds])
        .toArray()
    ).filter((c) => c.flagged === 1 && c.removed === 0);
    const questions = await readQuestions(
      db,
      cards.map((c) => ({ key: c.key, order: c.order })),
    );
    return cards.flatMap((c) => {
      const q = questions.get(c.key);
      return q && q.removed === 0
        ? [{ key: c.key, packId: c.packId, chapterId: q.chapterId, type: q.type }]
        : [];
    });
  });
}
