/**
 * Builds a study session's queue at `now` from the database: loads what the queue needs through
 * `study-queue-repo` (index reads only), applies the settings (per-pack limits, require-reading, the
 * study day) and the session's scope, and returns it split by kind for the in-memory session queue
 * (`core/queue/session-queue`), with the card row (stored, or the new row a first answer starts
 * from) of every queued card and the questions already read.
 *
 * It loads in two steps, because every card row read costs (~40 µs here; 5,000 due reviews at 100k
 * would take 200 ms): first the {@link FIRST_REVIEWS} earliest-due reviews of each pack, the learning
 * cards due now and the new questions — enough to show the first card, whose order is by
 * retrievability among those; then {@link loadQueueRest} reads the other due reviews (in pages) and
 * the learning cards due later today, which join the queue in memory, reviews re-ordered by
 * retrievability. Only the first card or two can come before a weaker review not yet loaded.
 */
import {
  computeDayStart,
  type DailyLimits,
  type DoneToday,
  type SessionQueue,
  splitQueue,
} from '../../core/queue';
import type { SchedulerSettings } from '../../core/scheduler';
import { type AppSettings, resolveSchedulingSettings } from '../../core/settings';
import { extraNewToday, type NewRaises, NO_RAISES, type StudyScope } from '../../core/study';
import { newCardRow } from '../../db/repos/packs-repo';
import type { ReviewsToLoad } from '../../db/repos/study-index-ranges';
import { loadQueueInput } from '../../db/repos/study-queue-repo';
import { loadLearningBetween, loadMoreReviews } from '../../db/repos/study-queue-rest';
import type { LecternDb } from '../../db/schema/database';
import type { CardKey, CardRow, QuestionRow } from '../../db/schema/rows';

const DAY_MS = 86_400_000;

/** Due reviews per pack read before the first card is shown. */
export const FIRST_REVIEWS = 100;
/** Due reviews read per page afterwards (each page is one main-thread task of a few ms). */
export const REVIEWS_PAGE = 500;

/** What is left to load after the first step (see the file comment). */
export interface QueueRest {
  /** New questions whose card row (a flagged or undone one has a state-0 row) is still to read. */
  verify: CardKey[];
  reviews: ReviewsToLoad[];
  /** Reviews due up to this time. */
  cutoff: number;
  /** Learning cards due in (learningAfter, learningUntil]. */
  learningAfter: number;
  learningUntil: number;
  packIds: string[];
  chapterId?: string;
}

/** A session's queue as built from the database. */
export interface StudyQueue {
  queue: SessionQueue<CardKey>;
  /** The card row of every queued card: stored, or (never studied) the row its first answer starts from, rev 0. */
  cards: Map<CardKey, CardRow>;
  /** The keys in `cards` whose row is not stored (questions never studied). */
  unstored: Set<CardKey>;
  /** New questions whose row was not read yet (taken as unstored until `loadQueueRest` reads them). */
  unverified: Set<CardKey>;
  /** Questions read while building (the new ones), by key. */
  questions: Map<CardKey, QuestionRow>;
  /** Start of the study day the queue was built for. */
  dayStart: number;
  /** What {@link loadQueueRest} loads next. */
  rest: QueueRest;
  /** Answers given today in every pack (pass it back as `doneToday`, kept up to date, to skip reading them). */
  allDoneToday: Record<string, DoneToday>;
}

/** The local UTC offset at `now`, minutes east (what `computeDayStart` takes). */
export function readUtcOffset(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** Start of the study day containing `now` under the settings' day-start hour. */
export function computeStudyDayStart(now: number, settings: AppSettings): number {
  return computeDayStart(now, readUtcOffset(now), settings.dayStartHour);
}

/** The scheduler settings of the pack a card belongs to (the key is `${packId}:${questionId}`). */
export function resolveCardSettings(settings: AppSettings, key: CardKey): SchedulerSettings {
  return resolveSchedulingSettings(settings, key.slice(0, key.indexOf(':')));
}

/** A pack's limits for the study day starting at `dayStart`: the settings' plus today's raise. */
export function limitsToday(
  settings: AppSettings,
  packId: string,
  dayStart: number,
  raises: NewRaises = NO_RAISES,
): DailyLimits {
  const s = resolveSchedulingSettings(settings, packId);
  return { newPerDay: s.newPerDay + extraNewToday(raises, dayStart, packId), reviewsPerDay: s.reviewsPerDay };
}

/**
 * Loads and orders the first cards to study in `scope` at `now` (see the file comment). Learning
 * cards due within the study day come with the rest (a new study day rebuilds the queue).
 */
export async function loadStudyQueue(
  db: LecternDb,
  scope: StudyScope,
  now: number,
  settings: AppSettings,
  opts: {
    firstReviews?: number;
    doneToday?: Readonly<Record<string, DoneToday>>;
    raises?: NewRaises;
  } = {},
): Promise<StudyQueue> {
  const dayStart = computeStudyDayStart(now, settings);
  const limitsOf = (id: string) => limitsToday(settings, id, dayStart, opts.raises);
  const input = await loadQueueInput(db, scope.packId ? [scope.packId] : 'all', now, {
    dayStartMs: dayStart,
    learningUntil: now,
    firstReviews: opts.firstReviews ?? FIRST_REVIEWS,
    ...(opts.doneToday ? { doneToday: opts.doneToday } : {}),
    laterLearning: false,
    newRows: 'later',
    requireReading: settings.requireReading,
    limits: limitsOf,
    ...(scope.chapterId ? { chapterId: scope.chapterId } : {}),
  });
  const limits = Object.fromEntries(input.packOrder.map((id) => [id, limitsOf(id)] as const));
  const queue = splitQueue(input.cards, now, {
    limits,
    doneToday: input.doneToday,
    openedChapters: input.openedChapters,
    requireReading: settings.requireReading,
    packOrder: input.packOrder,
  });
  const cards = new Map<CardKey, CardRow>();
  const unstored = new Set<CardKey>();
  for (const c of input.cards) {
    const row = input.rows.get(c.key);
    const question = input.questions.get(c.key);
    if (row) cards.set(c.key, row);
    else if (question) {
      // No row read: taken as never studied until verified (see `unverified`).
      cards.set(c.key, newCardRow(c.packId, question.id, c.chapterId, c.order, now));
      unstored.add(c.key);
    }
  }
  const rest: QueueRest = {
    verify: input.unverified,
    reviews: input.moreReviews,
    cutoff: now,
    learningAfter: now,
    learningUntil: dayStart + DAY_MS,
    packIds: input.packOrder,
    ...(scope.chapterId ? { chapterId: scope.chapterId } : {}),
  };
  return {
    queue,
    cards,
    unstored,
    unverified: new Set(input.unverified),
    questions: input.questions,
    dayStart,
    rest,
    allDoneToday: input.allDoneToday,
  };
}

/** Cards loaded by {@link loadQueueRest}, a page at a time. */
export interface QueuePage {
  reviews: CardRow[];
  learning: CardRow[];
  /** Stored rows of new questions (`rest.verify`: the page that reads them lists them all as verified). */
  rows: CardRow[];
  verified: CardKey[];
}

/**
 * Loads what the first step left (the learning cards due later today, then the other due reviews a
 * page at a time), handing each page to `onPage`; stops when `onPage` returns false.
 */
export async function loadQueueRest(
  db: LecternDb,
  rest: QueueRest,
  onPage: (page: QueuePage) => boolean,
): Promise<void> {
  if (rest.verify.length > 0) {
    const rows = await db.cards.bulkGet(rest.verify);
    const found = rows.filter((r): r is CardRow => r !== undefined);
    if (!onPage({ reviews: [], learning: [], rows: found, verified: rest.verify })) return;
  }
  const learning = await loadLearningBetween(
    db,
    rest.packIds,
    rest.learningAfter,
    rest.learningUntil,
    rest.chapterId,
  );
  if (!onPage({ reviews: [], learning, rows: [], verified: [] })) return;
  for (const start of rest.reviews) {
    let more: ReviewsToLoad | null = start;
    while (more) {
      const page: { rows: CardRow[]; more: ReviewsToLoad | null } = await loadMoreReviews(
        db,
        more,
        rest.cutoff,
        REVIEWS_PAGE,
      );
      if (!onPage({ reviews: page.rows, learning: [], rows: [], verified: [] })) return;
      more = page.more;
    }
  }
}
