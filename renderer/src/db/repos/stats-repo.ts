/**
 * Loads what the statistics need and returns the figures. The review log is read in chunks straight
 * into typed columns (or as cached columns, a record a day), so a million rows never sit in memory
 * as objects at once. Everything is read in one read-only transaction: a consistent snapshot.
 * Questions are not read (their counts are on the pack rows), except the hardest few.
 */
import type { Question, QuestionType } from '../../core/pack/schema';
import { reviewIdBound, reviewIdTime } from '../../core/revlog/review-id';
import type { AppSettings } from '../../core/settings';
import { packRetentions, parseSettings } from '../../core/settings';
import {
  appendReview,
  appendReviewChunk,
  buildReviewColumnChunk,
  computeCardStats,
  computeReviewStats,
  createReviewColumns,
  type HardQuestion,
  makeDayClock,
  type ReviewColumnChunk,
  type ReviewColumns,
  type StatsOptions,
  type StatsPackShape,
  type StatsReport,
} from '../../core/stats';
import type { LecternDb } from '../schema/database';
import { groupSpans, REVIEW_SPAN, spanOf } from '../schema/middleware/review-column-cache';
import { type CardKey, type EpochMs, type PackRow, packOfKey, type ReviewRow } from '../schema/rows';
import { readStatsCards } from './card-columns-repo';
import { readQuestions } from './question-chunks';
import { readColumnChunks, readColumnIndex } from './review-columns-repo';
import {
  nextReviews,
  packReviewRows,
  readReviewsAt,
  readReviewsBetween,
  reviewTimeSpan,
} from './revlog-repo';
import { APP_SETTINGS_KEY } from './settings-repo';

/** Reviews read per request. */
const CHUNK = 5000;
/** Requests kept in flight while reading the review log. */
const IN_FLIGHT = 3;
/** Most days read range by range (22 years); past that the log is walked by id in chunks. */
const MAX_SPANS = 8000;

/** Options of `loadStats`. */
export interface LoadStatsOptions {
  now: EpochMs;
  /** Minutes east of UTC at `now`: `-new Date(now).getTimezoneOffset()`. Default 0. */
  utcOffsetMinutes?: number;
  /** Only this pack's cards and reviews; all packs when left out. */
  packId?: string;
  /** Settings to use (desired retention, per-pack overrides, day start); read from the database when left out. */
  settings?: AppSettings;
  heatmapDays?: number;
  forecastDays?: number;
  retentionDays?: number;
  hardestLimit?: number;
  /**
   * Called after the read with the review log's column chunks built while reading (the statistics
   * cannot write: they run inside a live query). Pass them to `saveReviewColumnChunks`.
   */
  onColumnsBuilt?: (built: ColumnsToSave) => void;
  /**
   * Called after the read when the cards' cached columns were behind their rows (`card-columns.ts`):
   * call `saveCardColumns` then, apart from the read.
   */
  onCardColumnsStale?: () => void;
  /** Called as the review log is read, with the share read so far (0–1). */
  onProgress?: (fraction: number) => void;
}

/** A hardest question with what the screen needs to show it and link to its passage. */
export interface HardQuestionDetail extends HardQuestion {
  questionId: string;
  /** The section the question tests (for "Read in context"). */
  section: string;
  type: QuestionType;
  question: Question;
}

/** The statistics screen's figures, with the hardest questions' details. */
export interface StatsSummary extends StatsReport {
  hardestDetails: HardQuestionDetail[];
}

/** The statistics shape of packs: chapters in course order with their live questions. */
export function packShapes(
  packs: readonly Pick<PackRow, 'id' | 'chapters' | 'chapterCounts'>[],
): StatsPackShape[] {
  return packs.map((p) => ({
    packId: p.id,
    chapters: p.chapters.map((c) => ({ chapterId: c.id, questions: p.chapterCounts[c.id] ?? 0 })),
  }));
}

/**
 * Loads packs, cards (through their cached columns: `card-columns-repo.ts`), review log and settings,
 * and computes every statistic at `now`. Questions without a card row are new: totals come from the
 * packs' chapter counts, so no question is read except the few hardest ones, from their chunks.
 */
export async function loadStats(db: LecternDb, options: LoadStatsOptions): Promise<StatsSummary> {
  const tables = [
    db.packs,
    db.cards,
    db.cardColumns,
    db.cardsDirty,
    db.revlog,
    db.revlogDays,
    db.reviewColumns,
    db.questionChunks,
    db.settings,
  ];
  const toSave: ColumnsToSave = { generation: 0, chunks: [] };
  let cardsStale = false;
  const summary = await db.transaction('r', tables, async () => {
    const settings =
      options.settings ?? parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
    const packs =
      options.packId === undefined
        ? await db.packs.toArray()
        : [await db.packs.get(options.packId)].filter((p): p is PackRow => p !== undefined);
    const packRetention = packRetentions(settings);
    const statsOptions: StatsOptions = {
      now: options.now,
      clock: makeDayClock({
        utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
        dayStartHour: settings.dayStartHour,
      }),
      desiredRetention: settings.desiredRetention,
      packRetention,
      packs: packShapes(packs),
      ...(options.heatmapDays !== undefined ? { heatmapDays: options.heatmapDays } : {}),
      ...(options.forecastDays !== undefined ? { forecastDays: options.forecastDays } : {}),
      ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      ...(options.hardestLimit !== undefined ? { hardestLimit: options.hardestLimit } : {}),
    };
    // The card rows are read while the review log streams in (one more request in flight); their
    // figures need no review, so the hardest questions are read while the log is still coming.
    const fromCards = readStatsCards(db, options.packId).then(async ({ cards, stale }) => {
      cardsStale = stale;
      const figures = computeCardStats(cards, statsOptions);
      const questions = await readQuestions(
        db,
        figures.hardest.map((h) => ({ key: h.key as CardKey, order: h.order })),
      );
      return { figures, questions };
    });
    const [{ figures, questions }, log] = await Promise.all([
      fromCards,
      loadReviewColumns(db, options.packId, toSave, options.onProgress),
    ]);
    const report: StatsReport = {
      now: options.now,
      cards: figures,
      reviews: computeReviewStats(log, statsOptions),
    };
    const hardestDetails: HardQuestionDetail[] = [];
    for (const h of report.cards.hardest) {
      const q = questions.get(h.key as CardKey);
      if (q)
        hardestDetails.push({
          ...h,
          questionId: q.id,
          section: q.section,
          type: q.type,
          question: q.question,
        });
    }
    return { ...report, hardestDetails };
  });
  if (toSave.chunks.length > 0) options.onColumnsBuilt?.(toSave);
  if (cardsStale) options.onCardColumnsStale?.();
  return summary;
}

/**
 * Runs `jobs` with at most IN_FLIGHT of them waiting on IndexedDB at once, handing each result to
 * `take` as it arrives (in any order): the database reads the next chunks while the page decodes one.
 */
async function readPipelined<T>(
  jobs: readonly (() => Promise<T>)[],
  take: (result: T) => void,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as () => Promise<T>;
      take(await job());
      onProgress?.(++done / jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, jobs.length) }, lane));
}

/** Column chunks the statistics built while reading, to save once their read is over. */
export interface ColumnsToSave {
  /** The review log's generation when read (see `review-column-cache.ts`). */
  generation: number;
  chunks: ReviewColumnChunk[];
}

/** Cached chunks, and the reviews of spans whose cached record was broken (read instead). */
type ReadPart = { chunks: ReviewColumnChunk[]; reread: ReviewRow[] } | { span: number; rows: ReviewRow[] };

/** The review fields a column chunk keeps, from a stored row. */
export function chunkFields(r: ReviewRow) {
  return {
    packId: packOfKey(r.cardKey),
    at: r.at,
    rating: r.rating,
    stateBefore: r.stateBefore,
    responseMs: r.responseMs,
  };
}

/**
 * Reads the review log (one pack's, or all) into columns, with a few requests in flight. Days whose
 * columns are cached (`review-column-cache.ts`) are read as records, up to `SPANS_PER_READ` a
 * request; the other days are read as ranges of ids (an id begins with its time), a day a request,
 * and the days that are over are built into chunks for `toSave`. One pack: the card index's
 * primary keys for the pack's cards (keys only, cheap) say which days hold its reviews; cached days
 * are read as chunks, the rest one by one by id. `onProgress` gets the share of requests done.
 */
export async function loadReviewColumns(
  db: LecternDb,
  packId?: string,
  toSave?: ColumnsToSave,
  onProgress?: (fraction: number) => void,
): Promise<ReviewColumns> {
  const cols = createReviewColumns(CHUNK);
  const add = (rows: readonly (ReviewRow | undefined)[]) => {
    for (const r of rows)
      if (r && (packId === undefined || packOfKey(r.cardKey) === packId)) appendReview(cols, r);
  };
  const range = (lo: number, hi: number) => () => readReviewsAt(db, lo, hi);
  const now = Date.now();
  // Asked together: they go out ahead of the bulk reads.
  const [cache, times] = await Promise.all([
    readColumnIndex(db),
    packId === undefined ? reviewTimeSpan(db) : null,
  ]);
  if (toSave) toSave.generation = cache.generation;
  const cached =
    ([from, to]: [number, number]) =>
    async (): Promise<ReadPart> => {
      const { chunks, broken } = await readColumnChunks(db, from, to);
      const reread: ReviewRow[] = [];
      for (const span of broken) {
        const rows = await range(span, span + REVIEW_SPAN)();
        reread.push(...rows);
        // Cached spans are over: save the rebuilt columns over the broken record.
        toSave?.chunks.push(buildReviewColumnChunk(span, rows.map(chunkFields)));
      }
      return { chunks, reread };
    };
  if (packId === undefined) {
    if (!times) return cols;
    const { first, last } = times;
    // A day can be cached once it is over: before the newest review's day and today.
    const open = Math.min(spanOf(last), spanOf(now));
    if ((spanOf(last) - spanOf(first)) / REVIEW_SPAN + 1 > MAX_SPANS) {
      // Reviews spread over more days than are worth a read each: walk the ids in chunks instead.
      let after = '';
      for (;;) {
        const rows = await nextReviews(db, after, undefined, CHUNK);
        add(rows);
        const end = rows[rows.length - 1];
        if (!end) return cols;
        after = end.id;
      }
    }
    const inCache: number[] = [];
    const jobs: (() => Promise<ReadPart>)[] = [];
    for (let span = spanOf(first); span <= last; span += REVIEW_SPAN) {
      if (cache.spans.has(span)) inCache.push(span);
      else {
        // The last span is read open-ended: a live query then sees the next answer's row.
        const read =
          span + REVIEW_SPAN > last
            ? () => readReviewsBetween(db, reviewIdBound(span))
            : range(span, span + REVIEW_SPAN);
        jobs.push(async () => ({ span, rows: await read() }));
      }
    }
    jobs.push(...groupSpans(inCache).map(cached));
    await readPipelined(
      jobs,
      (part) => {
        if ('rows' in part) {
          add(part.rows);
          if (toSave && part.span < open)
            toSave.chunks.push(buildReviewColumnChunk(part.span, part.rows.map(chunkFields)));
        } else {
          for (const chunk of part.chunks) appendReviewChunk(cols, chunk);
          add(part.reread);
        }
      },
      onProgress,
    );
    return cols;
  }
  const [keys, days] = await Promise.all([
    packReviewRows(db, packId).primaryKeys() as Promise<string[]>,
    db.revlogDays.where('packs').equals(packId).primaryKeys() as Promise<number[]>,
  ]);
  const spans = new Set<number>();
  for (const id of keys) if (cache.spans.has(spanOf(reviewIdTime(id)))) spans.add(spanOf(reviewIdTime(id)));
  for (const day of days) if (cache.spans.has(day)) spans.add(day);
  const loose = keys.filter((id) => !spans.has(spanOf(reviewIdTime(id)))).sort();
  const jobs: (() => Promise<ReadPart | (ReviewRow | undefined)[]>)[] = groupSpans(spans).map(cached);
  // A stored day not cached: read whole (its rows too; `add` keeps the pack's), its rows not again.
  const looseDays = new Set(days.filter((d) => !spans.has(d)));
  for (const day of looseDays) jobs.push(range(day, day + REVIEW_SPAN));
  const rowsLeft = loose.filter((id) => !looseDays.has(spanOf(reviewIdTime(id))));
  for (let i = 0; i < rowsLeft.length; i += CHUNK) {
    const part = rowsLeft.slice(i, i + CHUNK);
    jobs.push(() => db.revlog.bulkGet(part));
  }
  await readPipelined(
    jobs,
    (part) => {
      if (Array.isArray(part)) add(part);
      else if ('chunks' in part) {
        for (const chunk of part.chunks) appendReviewChunk(cols, chunk, packId);
        add(part.reread);
      }
    },
    onProgress,
  );
  return cols;
}
