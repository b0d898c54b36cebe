/**
 * A study session as plain state, and the moves on it (values in, values out, `now` passed in):
 * which card is shown and in what phase, the graded answer waiting to be confirmed, the counts for
 * the summary, what U can undo (with the card as it was before each answer: undo needs nothing
 * from the review log) and how many are left. Nothing here reads or writes storage: the session's
 * IO object (`ops/study`) writes an answer, then applies the move that records it.
 *
 * Moves that do not apply in the current phase return the state unchanged (the same object).
 */
import { type AnswerResponse, type Grade, gradeAnswer, ratingFor } from '../grading';
import type { Question } from '../pack/schema';
import type { QueueCounts } from '../queue';
import type { Rating } from '../scheduler';

/** What a session studies: every pack, one pack, or one chapter of a pack. */
export interface StudyScope {
  packId?: string;
  chapterId?: string;
}

/**
 * `question`: answering; `revealed`: a flashcard's back is shown; `answered`: graded, waiting for
 * the rating to be confirmed (only then is anything written).
 */
export type StudyPhase = 'question' | 'revealed' | 'answered';

/** `loading` a card or queue, `studying`, `waiting` for a learning card to fall due, `done`. */
export type StudyStatus = 'idle' | 'loading' | 'studying' | 'waiting' | 'done';

/** The card on screen and when it was shown. */
export interface ShownCard<K extends string = string> {
  key: K;
  /** Seeds the layout of this showing (choice order…): the card key and its review count. */
  seed: string;
  /** The card's `rev` when shown: an answer is refused if it changed. */
  rev: number;
  shownAt: number;
}

/** A graded, not yet written, answer. */
export interface PendingAnswer {
  response: AnswerResponse;
  grade: Grade;
  responseMs: number;
  /** The rating the app suggests (`ratingFor`), and the one "I guessed" gives. */
  suggested: Rating;
  guessed: Rating;
  /** "I was right": a typed or cloze answer marked wrong, counted as right by the student. */
  overridden?: boolean;
}

/**
 * What U undoes: an answer (with `before`, the card as it was before it, and whatever the IO side
 * needs to take the answer back) or a suspension.
 */
export type UndoEntry<K extends string = string, B = unknown> =
  | { kind: 'answer'; key: K; correct: boolean; ms: number; before: B }
  | { kind: 'suspend'; key: K };

/** How many are left by kind (learning: only those due now). */
export type QueueLeft = QueueCounts;

/** A session's whole state. `B` is the undo snapshot of an answer (see {@link UndoEntry}). */
export interface StudyState<K extends string = string, B = unknown> {
  status: StudyStatus;
  current: ShownCard<K> | null;
  phase: StudyPhase;
  hintShown: boolean;
  pending: PendingAnswer | null;
  /** Cards left in the queue, the current one included. */
  left: QueueLeft;
  answered: number;
  correct: number;
  /** Time spent on answered cards (from showing to rating), ms. */
  timeMs: number;
  startedAt: number;
  /** When the next learning card falls due (status `waiting`). */
  waitUntil: number | null;
  /** The card answered last: not shown again right away if anything else is due. */
  lastKey: K | null;
  /** Newest last, at most {@link UNDO_DEPTH}. */
  undo: UndoEntry<K, B>[];
  /** A message about the current card (e.g. it changed since it was shown). */
  message: string | null;
  /**
   * Whether the next card shown puts the cursor in its answer field: after an answer (the student
   * is typing answers), not after suspend or undo, whose "Press U to undo" must not type a "u".
   */
  focusAnswer: boolean;
}

/** Undo goes back this many actions at most. */
export const UNDO_DEPTH = 50;

/** Nothing left. */
export const NOTHING_LEFT: QueueLeft = { reviews: 0, learning: 0, newCards: 0 };

/** The state of no session (`idle`), or of one just started at `startedAt` (`loading`). */
export function createStudyState<K extends string = string, B = unknown>(
  startedAt?: number,
): StudyState<K, B> {
  return {
    status: startedAt === undefined ? 'idle' : 'loading',
    current: null,
    phase: 'question',
    hintShown: false,
    pending: null,
    left: NOTHING_LEFT,
    answered: 0,
    correct: 0,
    timeMs: 0,
    startedAt: startedAt ?? 0,
    waitUntil: null,
    lastKey: null,
    undo: [],
    message: null,
    focusAnswer: true,
  };
}

/** The seed of one showing of a card: its key and review count (a new review, a new layout). */
export function showingSeed(key: string, reps: number): string {
  return `${key}@${reps}`;
}

/** Shows a card (its key, `rev` and review count) at `now`: phase `question`, no hint, nothing pending. */
export function showCard<K extends string, B>(
  s: StudyState<K, B>,
  card: { key: K; rev: number; reps: number },
  left: QueueLeft,
  now: number,
): StudyState<K, B> {
  return {
    ...s,
    status: 'studying',
    current: { key: card.key, rev: card.rev, shownAt: now, seed: showingSeed(card.key, card.reps) },
    phase: 'question',
    hintShown: false,
    pending: null,
    left,
    waitUntil: null,
  };
}

/** The card on screen has a new revision (flagged, or re-read after a refused answer). */
export function updateShownRev<K extends string, B>(
  s: StudyState<K, B>,
  key: K,
  rev: number,
): StudyState<K, B> {
  return s.current?.key === key ? { ...s, current: { ...s.current, rev } } : s;
}

/**
 * Nothing is due until `until`, when a learning card comes back: "0 learning" beside "a question you
 * are learning comes back in 8:13" would contradict it, so at least one learning card is left.
 */
export function waitForLearning<K extends string, B>(
  s: StudyState<K, B>,
  until: number,
  learningQueued: number,
): StudyState<K, B> {
  return {
    ...s,
    status: 'waiting',
    current: null,
    pending: null,
    left: { ...NOTHING_LEFT, learning: Math.max(1, learningQueued) },
    waitUntil: until,
  };
}

/** Nothing is left: the summary. */
export function completeSession<K extends string, B>(s: StudyState<K, B>): StudyState<K, B> {
  return { ...s, status: 'done', current: null, pending: null, left: NOTHING_LEFT, waitUntil: null };
}

/** Ends the session now (the card on screen is not answered; what is left stays counted). */
export function finishSession<K extends string, B>(s: StudyState<K, B>): StudyState<K, B> {
  if (s.status === 'idle') return s;
  return { ...s, status: 'done', current: null, pending: null, waitUntil: null };
}

/** Shows a flashcard's back. */
export function revealAnswer<K extends string, B>(s: StudyState<K, B>): StudyState<K, B> {
  return s.current && s.phase === 'question' ? { ...s, phase: 'revealed' } : s;
}

/** Shows the question's hint: a right answer will then be rated Hard. */
export function showHint<K extends string, B>(s: StudyState<K, B>): StudyState<K, B> {
  return s.current && s.phase === 'question' ? { ...s, hintShown: true } : s;
}

/** A message about the session (null clears it). */
export function setMessage<K extends string, B>(
  s: StudyState<K, B>,
  message: string | null,
  focusAnswer = s.focusAnswer,
): StudyState<K, B> {
  return { ...s, message, focusAnswer };
}

/** Pending ratings of `grade`: what the app suggests and what "I guessed" gives. */
function ratingsOf(grade: Grade, responseMs: number, hintUsed: boolean) {
  const ctx = { responseMs, hintUsed };
  return {
    suggested: ratingFor(grade, ctx),
    guessed: ratingFor(grade, { ...ctx, override: 'guessed' as const }),
  };
}

/**
 * Grades a submitted answer at `now` (nothing is written yet): the grade, the rating the app
 * suggests and the one "I guessed" would give wait for the student to confirm. Null (and the state
 * unchanged) when no question is being answered.
 */
export function submitAnswer<K extends string, B>(
  s: StudyState<K, B>,
  question: Question,
  response: AnswerResponse,
  now: number,
): { state: StudyState<K, B>; grade: Grade } | null {
  if (!s.current || s.phase !== 'question') return null;
  const grade = gradeAnswer(question, response);
  const responseMs = Math.max(0, now - s.current.shownAt);
  return {
    grade,
    state: {
      ...s,
      phase: 'answered',
      pending: { response, grade, responseMs, ...ratingsOf(grade, responseMs, s.hintShown) },
    },
  };
}

/** Whether "I was right" applies: a typed or cloze answer marked wrong, not overridden yet. */
export function canOverride(pending: PendingAnswer | null): boolean {
  if (!pending || pending.overridden || pending.grade.correct) return false;
  return pending.grade.questionType === 'typed' || pending.grade.questionType === 'cloze';
}

/**
 * "I was right" (Quizlet's override): a typed or cloze answer marked wrong is regraded as right —
 * the rating follows (Good; Hard after a hint) and the review records the override.
 */
export function overrideAnswer<K extends string, B>(s: StudyState<K, B>): StudyState<K, B> {
  const p = s.pending;
  if (!p || s.phase !== 'answered' || !canOverride(p)) return s;
  const grade: Grade = { ...p.grade, correct: true, score: 1, partial: false, typo: false, fastMs: 0 };
  return {
    ...s,
    pending: { ...p, grade, overridden: true, ...ratingsOf(grade, p.responseMs, s.hintShown) },
  };
}

/** An answer to write: the rating and what the review records. */
export interface AnswerToWrite<K extends string = string> {
  key: K;
  /** The card's `rev` when shown. */
  shownRev: number;
  shownAt: number;
  rating: Rating;
  grade: Grade;
  response: AnswerResponse;
  responseMs: number;
  overridden?: boolean;
}

/** The pending answer confirmed with its suggested rating, or with "I guessed"; null if none is pending. */
export function confirmAnswer<K extends string, B>(
  s: StudyState<K, B>,
  choice: 'suggested' | 'guessed',
): AnswerToWrite<K> | null {
  const p = s.pending;
  if (!p || !s.current || s.phase !== 'answered') return null;
  return {
    key: s.current.key,
    shownRev: s.current.rev,
    shownAt: s.current.shownAt,
    rating: choice === 'guessed' ? p.guessed : p.suggested,
    grade: p.grade,
    response: p.response,
    responseMs: p.responseMs,
    ...(p.overridden ? { overridden: true } : {}),
  };
}

/** A revealed flashcard rated 1–4 at `now` (self-graded); null unless a flashcard's back is shown. */
export function rateFlashcard<K extends string, B>(
  s: StudyState<K, B>,
  question: Question,
  rating: Rating,
  now: number,
): AnswerToWrite<K> | null {
  if (!s.current || s.phase !== 'revealed' || question.type !== 'flashcard') return null;
  const response: AnswerResponse = { type: 'flashcard', rating };
  return {
    key: s.current.key,
    shownRev: s.current.rev,
    shownAt: s.current.shownAt,
    rating,
    grade: gradeAnswer(question, response),
    response,
    responseMs: Math.max(0, now - s.current.shownAt),
  };
}

function pushUndoEntry<K extends string, B>(
  undo: readonly UndoEntry<K, B>[],
  entry: UndoEntry<K, B>,
): UndoEntry<K, B>[] {
  return [...undo, entry].slice(-UNDO_DEPTH);
}

/**
 * Records an answer written at `now` (counts, time, what undoing it takes); the next card is shown
 * by {@link showCard} (or the session waits or ends).
 */
export function recordAnswer<K extends string, B>(
  s: StudyState<K, B>,
  answer: AnswerToWrite<K>,
  before: B,
  now: number,
): StudyState<K, B> {
  const ms = Math.max(0, now - answer.shownAt);
  const correct = answer.grade.correct;
  return {
    ...s,
    answered: s.answered + 1,
    correct: s.correct + (correct ? 1 : 0),
    timeMs: s.timeMs + ms,
    lastKey: answer.key,
    undo: pushUndoEntry(s.undo, { kind: 'answer', key: answer.key, correct, ms, before }),
    pending: null,
    message: null,
    focusAnswer: true,
  };
}

/** Records a suspension U can undo. */
export function recordSuspend<K extends string, B>(s: StudyState<K, B>, key: K): StudyState<K, B> {
  return {
    ...s,
    undo: pushUndoEntry(s.undo, { kind: 'suspend', key }),
    message: 'Suspended: this question will not be shown again. Press U to undo.',
    focusAnswer: false,
  };
}

/** The action U would undo now, if any. */
export function peekUndo<K extends string, B>(s: StudyState<K, B>): UndoEntry<K, B> | null {
  return s.undo[s.undo.length - 1] ?? null;
}

/** Takes the last action off the undo stack (an answer also leaves the counts). */
export function popUndo<K extends string, B>(s: StudyState<K, B>): StudyState<K, B> {
  const entry = peekUndo(s);
  if (!entry) return s;
  const answer = entry.kind === 'answer' ? entry : null;
  return {
    ...s,
    undo: s.undo.slice(0, -1),
    answered: s.answered - (answer ? 1 : 0),
    correct: s.correct - (answer?.correct ? 1 : 0),
    timeMs: Math.max(0, s.timeMs - (answer?.ms ?? 0)),
    lastKey: null,
    focusAnswer: false,
  };
}
