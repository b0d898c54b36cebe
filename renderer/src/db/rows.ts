/**
 * Plain row types stored in IndexedDB. Times are epoch milliseconds; booleans used in indexes are 0/1
 * (IndexedDB cannot index booleans).
 */
import type { Chapter, Discussion, Question, QuestionType } from '../core/pack/schema';

/** `${packId}:${questionId}` — unambiguous because ids cannot contain ':'. */
export type CardKey = string & { readonly __brand: 'CardKey' };
export type EpochMs = number;

/** Builds the key of a question/card. */
export function cardKey(packId: string, questionId: string): CardKey {
  return `${packId}:${questionId}` as CardKey;
}

export type PackOrigin = 'bundled' | 'imported';
export type SourceFormat = 'lectern' | 'gift' | 'aiken' | 'delimited';

/** A pack's metadata, chapters (with bodies) and discussion prompts; questions live in `questionChunks`. */
export interface PackRow {
  id: string;
  title: string;
  description?: string;
  author?: string;
  language: string;
  license?: string;
  version: string;
  date?: string;
  origin: PackOrigin;
  format: SourceFormat;
  fileName?: string;
  chapters: Chapter[];
  discussions: Discussion[];
  /** Live (not removed) questions: they have orders 0..questionCount−1, chapter after chapter. */
  questionCount: number;
  /** Live questions per chapter id (every chapter, 0 included), in course order. */
  chapterCounts: Record<string, number>;
  /** Live questions per chapter id and question type (types with none are absent). */
  typeCounts: Record<string, Partial<Record<QuestionType, number>>>;
  /** Hash of the source the pack was last stored from. */
  contentHash: string;
  /**
   * Hash of the app's bundled file last applied to this pack: start-up re-applies the bundled file only
   * when it differs from this — not when the student imported their own file under the same id.
   */
  bundledHash?: string;
  importedAt: EpochMs;
  updatedAt: EpochMs;
}

/**
 * One question as the app reads it. Stored inside a {@link QuestionChunkRow} (one IndexedDB record
 * per question costs ~150 µs to write in Chromium; a record of a hundred costs about as much as one).
 */
export interface QuestionRow {
  key: CardKey;
  packId: string;
  id: string;
  chapterId: string;
  section: string;
  type: QuestionType;
  /**
   * Position in course order across the whole pack: live questions 0..n−1 (chapter after chapter),
   * removed ones after them.
   */
  order: number;
  question: Question;
  /**
   * Unused since schema 2 (hashing every question cost a third of a 100k import): an update compares
   * answers with `answerHash(question)` when it needs to. Rows stored by schema 1 may still carry it.
   */
  answerHash?: string;
  /** 1 when the question was removed from its pack by an update: it leaves the queue, its history stays. */
  removed: 0 | 1;
}

/** Questions `chunk × QUESTION_CHUNK` … `+ QUESTION_CHUNK − 1` (by `order`) of one pack. */
export interface QuestionChunkRow {
  packId: string;
  chunk: number;
  /** In order; a chunk may hold fewer (the last one) but never another chunk's orders. */
  items: QuestionRow[];
}

/** Started cards of one chapter (schema v3; see `chapter-tallies.ts`). Key `[packId+chapterId]`. */
export interface ChapterTallyRow {
  packId: string;
  chapterId: string;
  /** Its cards that are studied or suspended and not removed. */
  started: number;
}

/** A row of `meta` (schema v4): what the database says about itself. Key `key`. */
export type MetaRow =
  | { key: 'database-id'; id: string; createdAt: EpochMs }
  | {
      key: 'chapter-tallies' /** Started cards over every tally. */;
      sum: number /** Σ started × weight of the chapter, mod 2³². */;
      weighted: number;
    }
  | {
      key: 'revlog-upgrade' /** Schema 4 reviews when the upgrade to schema 5 started. */;
      total: number /** Moved so far. */;
      done: number;
      startedAt: EpochMs;
    };

/**
 * FSRS state of one card (ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning). A question
 * without a card row is new: rows are written on a question's first answer (or when a new card is
 * suspended or flagged). `dueKey` and `startedOrder` are index fields the database sets on every write
 * (see `db.ts`); code never sets them.
 */
export interface CardRow {
  key: CardKey;
  packId: string;
  chapterId: string;
  order: number;
  state: 0 | 1 | 2 | 3;
  due: EpochMs;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: EpochMs | null;
  suspended: 0 | 1;
  flagged: 0 | 1;
  removed: 0 | 1;
  /** Bumped on every write: an answer is refused if the card changed since it was shown. */
  rev: number;
  /** `due` while the card is scheduled (state > 0, not suspended, not removed); absent otherwise. */
  dueKey?: EpochMs;
  /** `order` while the card is not new (studied or suspended) and not removed; absent otherwise. */
  startedOrder?: number;
}

/**
 * One answer in the review log (schema 5, table `revlog`): numbers, not a card copy (~700 bytes a
 * review before). The card's state is a replay of its rows through the scheduler; `stability`,
 * `difficulty` and `dueAfter` record what the scheduler gave, for the statistics and the optimizer.
 */
export interface ReviewRow {
  /** Globally unique and time-ordered (`core/revlog/review-id.ts`): sync applies reviews by it. */
  id: string;
  cardKey: CardKey;
  at: EpochMs;
  /** FSRS rating given: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: 1 | 2 | 3 | 4;
  /** Share of the answer that was right, 0..1 (flashcards: 1 unless rated Again). */
  score: number;
  correct: 0 | 1;
  responseMs: number;
  /** The card's state before this answer (for retention statistics). */
  stateBefore: 0 | 1 | 2 | 3;
  /** FSRS memory state after this answer. */
  stability: number;
  difficulty: number;
  /** The card's due after this answer. */
  dueAfter: EpochMs;
  /**
   * What the student answered, as JSON text; absent for a self-graded flashcard (its rating is the
   * answer) and once the answer is older than the "keep answers" setting.
   */
  response?: string;
}

/** The pack of a card key (ids cannot contain ':'). */
export function packOfKey(key: string): string {
  const sep = key.indexOf(':');
  return sep < 0 ? key : key.slice(0, sep);
}

/** A review-log row of schemas 1–4 (table `reviews`): still read by the upgrade and old backups. */
export interface LegacyReviewRow {
  id?: number;
  cardKey: CardKey;
  packId: string;
  chapterId: string;
  at: EpochMs;
  rating: 1 | 2 | 3 | 4;
  score: number;
  correct: 0 | 1;
  /** What the student answered, as JSON text. */
  response: string;
  responseMs: number;
  stateBefore: 0 | 1 | 2 | 3;
  /** The card row before this answer (undo put it back). */
  prev: CardRow;
  dueAfter: EpochMs;
}

/**
 * Undo's snapshot of a card (schema 5, table `undo`, key `reviewId`): the row as it was before an
 * answer of the running session. Written with the answer, cleared when the session ends and at
 * start-up for anything older than a day.
 */
export interface UndoRow {
  cardKey: CardKey;
  /** The answer it undoes. */
  reviewId: string;
  at: EpochMs;
  prev: CardRow;
}

export interface ReadingRow {
  /** `${packId}:${chapterId}` */
  key: string;
  packId: string;
  chapterId: string;
  firstOpenedAt: EpochMs;
  lastOpenedAt: EpochMs;
  lastSection?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SelfTestRow {
  id?: number;
  /** Packs the test drew from (the first one is the pack it is filed under in history). */
  packIds: string[];
  status: 'running' | 'done';
  startedAt: EpochMs;
  finishedAt?: EpochMs;
  /** Score 0..1 once finished. */
  score?: number;
  /** The test's full state (questions, answers, options, time left) as the self-test feature defines it. */
  state: unknown;
}
