/**
 * Studying: answer a card, undo it, suspend or flag it, load what the review screen shows. Every
 * write is one `rw` transaction that re-reads the card; an answer is refused (a typed result, not a
 * throw) when the card changed since it was shown, as Anki's `answer_card` does. A question that was
 * never studied has no card row (schema v2): it is shown with rev 0, and its first answer, suspend or
 * flag creates the row from `newCardRow`. Queue loading and Library counts live in
 * `study-queue-repo.ts` and are re-exported here.
 */
import type { Grade } from '../../core/grading';
import { makeReviewId } from '../../core/revlog/review-id';
import {
  type DueLoad,
  type Rating,
  SCHEDULING_FIELDS,
  type SchedulerSettings,
  answerCard as scheduleAnswer,
} from '../../core/scheduler';
import { type LecternDb, withCardIndexFields } from '../schema/database';
import type { CardKey, CardRow, EpochMs, QuestionRow, ReviewRow, UndoRow } from '../schema/rows';
import { newCardRow } from './packs-repo';
import { type QuestionRef, readQuestions } from './question-chunks';

/** Why a study write was refused. */
export interface StudyError {
  /** `missing`: no such card; `stale`: it changed since shown; `removed`: its question left the pack; `nothing-to-undo`. */
  code: 'missing' | 'stale' | 'removed' | 'nothing-to-undo';
  message: string;
}

/** Result of a study write. */
export type StudyResult<T> = { ok: true; value: T } | { ok: false; error: StudyError };

/** Where a question sits: what a card row created for it (first answer, suspend, flag) records. */
export interface CardPlace {
  chapterId: string;
  order: number;
}

/** One answer, as the review screen has it. */
export interface AnswerInput {
  key: CardKey;
  /** The card's `rev` when it was shown (0 for a question with no card row yet). */
  shownRev: number;
  /** The question's chapter and order: needed when the card has no row yet (its first answer). */
  place?: CardPlace;
  /**
   * The card row as shown (null: the question had no row): lets the answer go out in one round trip
   * (see {@link answerCard}).
   */
  shownRow?: CardRow | null;
  rating: Rating;
  /** From `gradeAnswer` (flashcards: correct unless Again, score 1 or 0). */
  grade: Pick<Grade, 'score' | 'correct'>;
  /** What the student answered (an `AnswerResponse`); stored as JSON. */
  response: unknown;
  responseMs: number;
  /** "I was right": the student overrode a wrong grade (kept in the row's response as `overridden: true`). */
  overridden?: boolean;
  now: EpochMs;
  /** The pack's settings (`resolveSchedulingSettings`). */
  settings: SchedulerSettings;
  /** Cards due per coming day, for the load balancer and easy days (none: plain fuzz). */
  load?: DueLoad;
}

/** What an answer wrote, and the card row it started from (what undoing it puts back). */
export interface AnswerWritten {
  card: CardRow;
  review: ReviewRow;
  /** The card row it started from (what undoing it puts back; the session keeps it). */
  before: CardRow;
  /** Undo's snapshot of the card before the answer (table `undo`, kept a day for a reloaded session). */
  undo: UndoRow;
}

const fail = (code: StudyError['code'], message: string): { ok: false; error: StudyError } => ({
  ok: false,
  error: { code, message },
});

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

/** Undo snapshots are kept at most this long (and cleared when a session ends). */
export const UNDO_KEEP_MS = 86_400_000;

/**
 * Clears undo's snapshots: all of them (a session ended), or those taken before `before` (start-up
 * clears anything older than {@link UNDO_KEEP_MS}). Resolves to how many were cleared.
 */
export function clearUndoSnapshots(db: LecternDb, before?: EpochMs): Promise<number> {
  return (before === undefined ? db.undo.toCollection() : db.undo.where('at').below(before)).delete();
}

const STALE_MESSAGE =
  'This card changed since it was shown (answered or edited elsewhere); it was not answered again.';

/**
 * The stored row of `key`, or (not stored) the new row a first write starts from (rev 0); null when
 * there is no row and no place to start one.
 */
async function readOrStartCard(
  db: LecternDb,
  key: CardKey,
  place: CardPlace | undefined,
  now: EpochMs,
): Promise<{ card: CardRow; stored: boolean } | null> {
  const card = await db.cards.get(key);
  if (card) return { card, stored: true };
  if (!place) return null;
  const sep = key.indexOf(':');
  return {
    card: newCardRow(key.slice(0, sep), key.slice(sep + 1), place.chapterId, place.order, now),
    stored: false,
  };
}

/**
 * The new card row, the log row and undo's snapshot of `input` answered from `card` (pure but for the
 * id). Also what an imported review history is replayed through, so its rows are the rows an answer
 * writes.
 */
export function buildAnswer(card: CardRow, input: AnswerInput, response: string | undefined): AnswerWritten {
  const next = scheduleAnswer(card, input.rating, input.now, input.settings, card.key, input.load).card;
  const updated = withCardIndexFields<CardRow>({ ...card, ...next, rev: card.rev + 1 });
  const review: ReviewRow = {
    id: makeReviewId(input.now),
    cardKey: card.key,
    at: input.now,
    rating: input.rating,
    score: clampScore(input.grade.score),
    correct: input.grade.correct ? 1 : 0,
    responseMs: Number.isFinite(input.responseMs) ? Math.max(0, Math.round(input.responseMs)) : 0,
    stateBefore: card.state,
    stability: updated.stability,
    difficulty: updated.difficulty,
    dueAfter: updated.due,
  };
  if (response !== undefined) review.response = response;
  return {
    card: updated,
    review,
    before: card,
    undo: { cardKey: card.key, reviewId: review.id, at: input.now, prev: card },
  };
}

/**
 * What the log keeps of an answer: its JSON, or nothing for a self-graded flashcard answer (its
 * rating is all it says: `{"type":"flashcard",…}` with no other field than the rating).
 */
export function storedResponse(response: unknown): string | undefined {
  if (
    typeof response === 'object' &&
    response !== null &&
    (response as { type?: unknown }).type === 'flashcard'
  ) {
    const extra = Object.keys(response).filter((k) => k !== 'type' && k !== 'rating');
    if (extra.length === 0) return undefined;
  }
  return toJson(response);
}

const CARD_FIELDS: readonly (keyof CardRow)[] = [
  'key',
  'packId',
  'chapterId',
  'order',
  ...SCHEDULING_FIELDS,
  'suspended',
  'flagged',
  'removed',
  'rev',
];

/** Whether the stored row is the row as shown (both absent, or every field equal). */
function isSameRow(stored: CardRow | undefined, shown: CardRow | null): boolean {
  if (!stored || !shown) return !stored && !shown;
  return CARD_FIELDS.every((f) => Object.is(stored[f], shown[f]));
}

/** The stored row is not the row the fast path was given: it rolls back and the careful path answers. */
class ShownRowChanged extends Error {}

/**
 * The answer computed from the row as shown, written in one round trip: the re-read, the card and
 * the log row go out together, and the transaction is rolled back if the re-read row is not the
 * shown one (the caller then answers the careful way, which refuses with the reason).
 */
async function answerAsShown(
  db: LecternDb,
  input: AnswerInput,
  shown: CardRow | null,
  response: string | undefined,
): Promise<StudyResult<AnswerWritten>> {
  const sep = input.key.indexOf(':');
  const start =
    shown ??
    (input.place
      ? newCardRow(
          input.key.slice(0, sep),
          input.key.slice(sep + 1),
          input.place.chapterId,
          input.place.order,
          input.now,
        )
      : null);
  if (!start || start.removed || start.rev !== input.shownRev || start.key !== input.key)
    throw new ShownRowChanged();
  // The log keeps the row as stored (index fields included), as the careful path does.
  const written = buildAnswer(withCardIndexFields({ ...start }), input, response);
  return db.transaction('rw', db.cards, db.revlog, db.undo, async (): Promise<StudyResult<AnswerWritten>> => {
    const reread = db.cards.get(input.key);
    const put = db.cards.put(written.card);
    const add = db.revlog.add(written.review);
    const snap = db.undo.put(written.undo);
    // If the re-read differs, these fail with the rollback: that is expected, not an error to report.
    put.catch(() => {});
    add.catch(() => {});
    snap.catch(() => {});
    if (!isSameRow(await reread, shown)) throw new ShownRowChanged();
    await Promise.all([put, add, snap]);
    return { ok: true, value: written };
  });
}

/**
 * Records an answer: in one transaction, re-reads the card (a question with no row yet starts from
 * `newCardRow` at rev 0, given its `place`), refuses if it is gone, removed or its `rev` is not
 * `shownRev`, then writes the new FSRS state (rev + 1) and a review-log row holding the previous card
 * row (for undo), the state before, score, correctness, response and due after.
 *
 * With `shownRow` (the row as the screen has it; null for a question with no row), the re-read and
 * the writes go out together — one round trip — and are rolled back unless the stored row is exactly
 * that row; only then is the card answered the careful way above.
 */
export async function answerCard(db: LecternDb, input: AnswerInput): Promise<StudyResult<AnswerWritten>> {
  const response = storedResponse(
    input.overridden && typeof input.response === 'object' && input.response !== null
      ? { ...input.response, overridden: true }
      : input.response,
  );
  if (input.shownRow !== undefined) {
    try {
      return await answerAsShown(db, input, input.shownRow, response);
    } catch (err) {
      if (!(err instanceof ShownRowChanged)) throw err;
    }
  }
  return db.transaction('rw', db.cards, db.revlog, db.undo, async (): Promise<StudyResult<AnswerWritten>> => {
    const card = (await readOrStartCard(db, input.key, input.place, input.now))?.card;
    if (!card) return fail('missing', `No card ${input.key}.`);
    if (card.removed) return fail('removed', 'This question was removed from its pack.');
    if (card.rev !== input.shownRev) return fail('stale', STALE_MESSAGE);
    const written = buildAnswer(card, input, response);
    // The writes go out at once: one round trip less before the commit.
    await Promise.all([db.cards.put(written.card), db.revlog.add(written.review), db.undo.put(written.undo)]);
    return { ok: true, value: written };
  });
}

/**
 * Undoes the card's last answer: puts back undo's snapshot of the card (written with the answer,
 * kept for the running session) and deletes the log row, in one transaction. An answer older than
 * the snapshots kept (another session's, or one whose snapshot was cleared) is not undone. The scheduling fields come back exactly; `suspended`/`flagged`/`removed` keep
 * their current values (they are not part of an answer) and `rev` moves forward (rev + 1), so a
 * view of the card from before the undo cannot answer it. Undoing a question's first answer leaves
 * a state-0 row (still new) rather than no row, for that reason.
 */
export async function undoLastAnswer(db: LecternDb, key: CardKey): Promise<StudyResult<CardRow>> {
  return db.transaction('rw', db.cards, db.revlog, db.undo, async (): Promise<StudyResult<CardRow>> => {
    const last = await db.revlog.where('cardKey').equals(key).last();
    const snap = last && (await db.undo.get(last.id));
    if (!last || !snap || snap.cardKey !== key)
      return fail('nothing-to-undo', 'This card has no answer to undo in this session.');
    const card = await db.cards.get(key);
    if (!card) return fail('missing', `No card ${key}.`);
    // A pack update that started the card over (or moved its due) since that answer: putting the
    // card back as it was before the answer would bring back progress the update took away.
    if (card.due !== last.dueAfter)
      return fail('stale', 'This card changed since that answer (its pack was updated): nothing was undone.');
    const restored = withCardIndexFields<CardRow>({
      ...snap.prev,
      // Where the question is now (an update may have moved it), not where it was.
      chapterId: card.chapterId,
      order: card.order,
      suspended: card.suspended,
      flagged: card.flagged,
      removed: card.removed,
      rev: card.rev + 1,
    });
    await Promise.all([db.cards.put(restored), db.revlog.delete(last.id), db.undo.delete(last.id)]);
    return { ok: true, value: restored };
  });
}

async function setFlag(
  db: LecternDb,
  key: CardKey,
  field: 'suspended' | 'flagged',
  on: boolean,
  place: CardPlace | undefined,
  now: EpochMs,
): Promise<StudyResult<CardRow>> {
  return db.transaction('rw', db.cards, async (): Promise<StudyResult<CardRow>> => {
    const read = await readOrStartCard(db, key, place, now);
    if (!read) return fail('missing', `No card ${key}.`);
    const { card, stored } = read;
    // Clearing a flag of a question with no row: nothing to store (it reads as new, unflagged).
    if (!stored && !on) return { ok: true, value: card };
    const updated = withCardIndexFields<CardRow>({ ...card, [field]: on ? 1 : 0, rev: card.rev + 1 });
    await db.cards.put(updated);
    return { ok: true, value: updated };
  });
}

/**
 * Suspends a card (it leaves the queue, keeps its progress) or unsuspends it. A question with no
 * card row gets a state-0 row (given its `place`).
 */
export function setSuspended(
  db: LecternDb,
  key: CardKey,
  suspended: boolean,
  place?: CardPlace,
  now: EpochMs = Date.now(),
): Promise<StudyResult<CardRow>> {
  return setFlag(db, key, 'suspended', suspended, place, now);
}

/**
 * Flags a card for later attention, or clears the flag. Does not change scheduling. A question with
 * no card row gets a state-0 row (given its `place`).
 */
export function setFlagged(
  db: LecternDb,
  key: CardKey,
  flagged: boolean,
  place?: CardPlace,
  now: EpochMs = Date.now(),
): Promise<StudyResult<CardRow>> {
  return setFlag(db, key, 'flagged', flagged, place, now);
}

/** A card with its question, as the review screen shows it. */
export interface StudyItem {
  /** The stored row, or — for a question never studied — the row its first answer starts from (rev 0, not stored). */
  card: CardRow;
  question: QuestionRow;
  /** Whether `card` is stored (false: the question has no row yet). */
  stored: boolean;
}

/**
 * Loads cards and their questions (read by chunk through `readQuestions`; `refs` carry the order),
 * in the order given; a key whose question is not stored is skipped. A question with no card row
 * comes with `newCardRow` at `now` (rev 0), which is what answering it starts from.
 */
export async function loadStudyItems(
  db: LecternDb,
  refs: readonly QuestionRef[],
  now: EpochMs,
): Promise<StudyItem[]> {
  return db.transaction('r', db.cards, db.questionChunks, async () => {
    const [cards, questions] = await Promise.all([
      db.cards.bulkGet(refs.map((r) => r.key)),
      readQuestions(db, refs),
    ]);
    const out: StudyItem[] = [];
    refs.forEach((ref, i) => {
      const question = questions.get(ref.key);
      if (!question) return;
      const stored = cards[i];
      const card =
        stored ?? newCardRow(question.packId, question.id, question.chapterId, question.order, now);
      out.push({ card, question, stored: stored !== undefined });
    });
    return out;
  });
}
