/**
 * The study session's UI state: which card is shown, what phase it is in, the grade of the submitted
 * answer, counts for the summary and what U can undo. Card and question rows stay in Dexie; this
 * slice holds only keys, revisions, times and what the student did in this session.
 */
import type { StateCreator } from 'zustand';
import type { AnswerResponse, Grade } from '../core/grading';
import type { Rating } from '../core/scheduler';
import type { CardKey } from '../db/schema/rows';

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
export interface ShownCard {
  key: CardKey;
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

/** What U undoes: an answer (restores the card, removes its log row) or a suspension. */
export type UndoEntry =
  | { kind: 'answer'; key: CardKey; correct: boolean; ms: number }
  | { kind: 'suspend'; key: CardKey };

/** Counts of how many were left, by kind, when the queue was last built. */
export interface QueueLeft {
  reviews: number;
  learning: number;
  newCards: number;
}

export interface StudySession {
  /** Bumped by every new session, so a late async result of an old one is ignored. */
  id: number;
  scope: StudyScope;
  status: StudyStatus;
  current: ShownCard | null;
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
  lastKey: CardKey | null;
  undo: UndoEntry[];
  /** A message about the current card (e.g. it changed since it was shown). */
  message: string | null;
  busy: boolean;
  /**
   * Whether the next card shown puts the cursor in its answer field: after an answer (the student
   * is typing answers), not after suspend or undo, whose "Press U to undo" must not type a "u".
   */
  focusAnswer: boolean;
}

export interface SessionSlice {
  session: StudySession;
  /** Starts a new session over `scope` (status `loading`); returns its id. */
  beginSession: (scope: StudyScope, now: number) => number;
  /** Patches the session if `id` is still the current session. */
  patchSession: (id: number, patch: Partial<StudySession>) => void;
  /** Shows a card: phase `question`, no hint, nothing pending. */
  showCard: (id: number, card: ShownCard, left: QueueLeft) => void;
  /** Records an answer written to the database, and what undoing it takes. */
  recordAnswered: (id: number, entry: Extract<UndoEntry, { kind: 'answer' }>) => void;
  /** Adds an action U can undo (other than an answer: `recordAnswered` adds those). */
  pushUndo: (id: number, entry: UndoEntry) => void;
  /** Takes the last undo entry off the stack (and takes an answer out of the counts). */
  popUndo: (id: number) => UndoEntry | null;
  /** Leaves the session: the next visit to Study starts a new one. */
  endSession: () => void;
}

const EMPTY_LEFT: QueueLeft = { reviews: 0, learning: 0, newCards: 0 };

/** The state of no session. */
export function createIdleSession(id = 0): StudySession {
  return {
    id,
    scope: {},
    status: 'idle',
    current: null,
    phase: 'question',
    hintShown: false,
    pending: null,
    left: EMPTY_LEFT,
    answered: 0,
    correct: 0,
    timeMs: 0,
    startedAt: 0,
    waitUntil: null,
    lastKey: null,
    undo: [],
    message: null,
    busy: false,
    focusAnswer: true,
  };
}

/** Undo goes back this many actions at most. */
export const UNDO_DEPTH = 50;

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set, get) => ({
  session: createIdleSession(),
  beginSession: (scope, now) => {
    const id = get().session.id + 1;
    set({ session: { ...createIdleSession(id), scope: { ...scope }, status: 'loading', startedAt: now } });
    return id;
  },
  patchSession: (id, patch) =>
    set((s) => (s.session.id === id ? { session: { ...s.session, ...patch } } : s)),
  showCard: (id, card, left) =>
    set((s) =>
      s.session.id === id
        ? {
            session: {
              ...s.session,
              status: 'studying',
              current: card,
              phase: 'question',
              hintShown: false,
              pending: null,
              left,
              waitUntil: null,
            },
          }
        : s,
    ),
  recordAnswered: (id, entry) =>
    set((s) =>
      s.session.id === id
        ? {
            session: {
              ...s.session,
              answered: s.session.answered + 1,
              correct: s.session.correct + (entry.correct ? 1 : 0),
              timeMs: s.session.timeMs + entry.ms,
              lastKey: entry.key,
              undo: [...s.session.undo, entry].slice(-UNDO_DEPTH),
              pending: null,
              message: null,
              focusAnswer: true,
            },
          }
        : s,
    ),
  pushUndo: (id, entry) =>
    set((s) =>
      s.session.id === id
        ? { session: { ...s.session, undo: [...s.session.undo, entry].slice(-UNDO_DEPTH) } }
        : s,
    ),
  popUndo: (id) => {
    const s = get().session;
    if (s.id !== id) return null;
    const entry = s.undo[s.undo.length - 1];
    if (!entry) return null;
    const answer = entry.kind === 'answer' ? entry : null;
    set({
      session: {
        ...s,
        undo: s.undo.slice(0, -1),
        answered: s.answered - (answer ? 1 : 0),
        correct: s.correct - (answer?.correct ? 1 : 0),
        timeMs: Math.max(0, s.timeMs - (answer?.ms ?? 0)),
        lastKey: null,
      },
    });
    return entry;
  },
  endSession: () => set((s) => ({ session: createIdleSession(s.session.id + 1) })),
});
