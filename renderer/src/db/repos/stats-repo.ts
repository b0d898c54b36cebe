/**
 * Loads what the statistics need and returns the figures. The review log is read in chunks straight
 * into typed columns, so a million rows (each carrying the previous card state for undo) never sit in
 * memory as objects at once. Everything is read in one read-only transaction: a consistent snapshot.
 * Questions are not read (their counts are on the pack rows), except the hardest few.
 */
import type { Question, QuestionType } from '../../core/pack/schema';
import type { AppSettings } from '../../core/settings';
import { parseSettings } from '../../core/settings';
import {
  appendReview,
  appendReviewChunk,
  buildReviewColumnChunk,
  computeStats,
  createReviewColumns,
  type HardQuestion,
  makeDayClock,
  type ReviewColumnChunk,
  type ReviewColumns,
  type StatsPackShape,
  type StatsReport,
} from '../../core/stats';
import type { LecternDb } from '../schema/database';
import { groupSpans, REVIEW_SPAN, spanOf } from '../schema/middleware/review-column-cache';
import type { CardKey, EpochMs, PackRow, ReviewRow } from '../schema/rows';
import { readQuestions } from './question-chunks';
import { readColumnChunks, readColumnIndex } from './review-columns-repo';
import { APP_SETTINGS_KEY } from './settings-repo';

/** Reviews read per request. */
const CHUNK = 5000;
/** Requests kept in flight while reading the review log. */
const IN_FLIGHT = 3;
/**
 * Most id spans read range by range (20M ids); past that the log is walked by key. Ids are given one
 * by one as answers are made, so only a restored file's ids could spread that far; rows deleted
 * (a pack removed) leave ranges with few rows, each still one cheap read.
 */
const MAX_SPANS = 8000;
/** Fewest ids worth a range read of the review log (fewer are read one by one). */
const MIN_RUN = 16;

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
 * Loads packs, card rows, review log and settings, and computes every statistic at `now`. Questions
 * without a card row are new: totals come from the packs' chapter counts, so no question is read
 * except the few hardest ones, from their chunks.
 */
export async function loadStats(db: LecternDb, options: LoadStatsOptions): Promise<StatsSummary> {
  const tables = [db.packs, db.cards, db.reviews, db.reviewColumns, db.questionChunks, db.settings];
  const toSave: ColumnsToSave = { generation: 0, chunks: [] };
  const summary = await db.transaction('r', tables, async () => {
    const settings =
      options.settings ?? parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
    const packs =
      options.packId === undefined
        ? await db.packs.toArray()
        : [await db.packs.get(options.packId)].filter((p): p is PackRow => p !== undefined);
    // The card rows are read while the review log streams in (one more request in flight).
    const [cards, log] = await Promise.all([
      options.packId === undefined
        ? db.cards.toArray()
        : db.cards.where('packId').equals(options.packId).toArray(),
      loadReviewColumns(db, options.packId, toSave, options.onProgress),
    ]);
    const packRetention: Record<string, number> = {};
    for (const [packId, o] of Object.entries(settings.packOverrides)) {
      if (o.desiredRetention !== undefined) packRetention[packId] = o.desiredRetention;
    }
    const report = computeStats(cards, log, {
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
    });
    const questions = await readQuestions(
      db,
      report.cards.hardest.map((h) => ({ key: h.key as CardKey, order: h.order })),
    );
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

/**
 * Splits sorted ids into ranges to read whole: each range holds at most CHUNK ids and spans at most
 * twice as many (so reading a range and dropping other packs' rows at most doubles the rows read).
 * Ids that fit no range of at least MIN_RUN are returned loose, to read one by one.
 */
export function splitIdRuns(ids: ArrayLike<number>): { runs: [number, number][]; loose: number[] } {
  const runs: [number, number][] = [];
  const loose: number[] = [];
  let i = 0;
  while (i < ids.length) {
    const lo = ids[i] as number;
    let j = i;
    while (j + 1 < ids.length && j + 1 - i < CHUNK && (ids[j + 1] as number) - lo + 1 <= 2 * (j + 2 - i)) j++;
    if (j + 1 - i >= MIN_RUN) runs.push([lo, ids[j] as number]);
    else for (let k = i; k <= j; k++) loose.push(ids[k] as number);
    i = j + 1;
  }
  return { runs, loose };
}

/** Column chunks the statistics built while reading, to save once their read is over. */
export interface ColumnsToSave {
  /** The review log's generation when read (see `review-column-cache.ts`). */
  generation: number;
  chunks: ReviewColumnChunk[];
}

/** Cached chunks, and the reviews of spans whose cached record was broken (read instead). */
type ReadPart = { chunks: ReviewColumnChunk[]; reread: ReviewRow[] } | { span: number; rows: ReviewRow[] };

/**
 * Reads the review log (one pack's, or all) into columns, with a few requests in flight. Spans of
 * ids whose columns are cached (`review-column-cache.ts`) are read as records, up to
 * `SPANS_PER_READ` a request. All reviews: the other spans are read as id ranges of the
 * (auto-increment, so dense) primary key, a span a request, and the complete ones are built into
 * chunks for `toSave`. One pack: the pack index's primary keys (keys only, cheap), read as dense id
 * ranges where they cluster (a study session's reviews are consecutive) and one by one where they
 * do not. `onProgress` gets the share of requests done.
 */
export async function loadReviewColumns(
  db: LecternDb,
  packId?: string,
  toSave?: ColumnsToSave,
  onProgress?: (fraction: number) => void,
): Promise<ReviewColumns> {
  const cols = createReviewColumns(CHUNK);
  const add = (rows: readonly (ReviewRow | undefined)[]) => {
    for (const r of rows) if (r && (packId === undefined || r.packId === packId)) appendReview(cols, r);
  };
  const range = (lo: number, hi: number) => () =>
    db.reviews.where(':id').between(lo, hi, true, true).toArray();
  // Asked together: they go out ahead of the bulk reads.
  const [cache, firstKeys, lastKeys] = await Promise.all([
    readColumnIndex(db),
    packId === undefined ? db.reviews.orderBy(':id').limit(1).primaryKeys() : [],
    packId === undefined ? db.reviews.orderBy(':id').reverse().limit(1).primaryKeys() : [],
  ]);
  if (toSave) toSave.generation = cache.generation;
  const cached =
    ([from, to]: [number, number]) =>
    async (): Promise<ReadPart> => {
      const { chunks, broken } = await readColumnChunks(db, from, to);
      const reread: ReviewRow[] = [];
      for (const span of broken) {
        const rows = await range(span, span + REVIEW_SPAN - 1)();
        reread.push(...rows);
        // Cached spans are complete: save the rebuilt columns over the broken record.
        toSave?.chunks.push(buildReviewColumnChunk(span, rows));
      }
      return { chunks, reread };
    };
  if (packId === undefined) {
    const first = firstKeys[0];
    const last = lastKeys[0];
    if (first === undefined || last === undefined) return cols;
    // (Counting the rows to see how dense the ids are would walk every one: IndexedDB has no cheap count.)
    if ((spanOf(last) - spanOf(first)) / REVIEW_SPAN + 1 > MAX_SPANS) {
      // Ids spread over a huge range (a restored file's ids): walk the key in chunks instead.
      let after = Number.NEGATIVE_INFINITY;
      for (;;) {
        const rows = await db.reviews.where(':id').above(after).limit(CHUNK).toArray();
        add(rows);
        const end = rows[rows.length - 1];
        if (rows.length < CHUNK || end?.id === undefined) return cols;
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
          span + REVIEW_SPAN - 1 >= last
            ? () => db.reviews.where(':id').aboveOrEqual(Math.max(first, span)).toArray()
            : range(Math.max(first, span), span + REVIEW_SPAN - 1);
        jobs.push(async () => ({ span, rows: await read() }));
      }
    }
    jobs.push(...groupSpans(inCache).map(cached));
    await readPipelined(
      jobs,
      (part) => {
        if ('rows' in part) {
          add(part.rows);
          // Complete spans only: later answers get ids past `last`, never into this span.
          if (toSave && part.span + REVIEW_SPAN - 1 < last)
            toSave.chunks.push(buildReviewColumnChunk(part.span, part.rows));
        } else {
          for (const chunk of part.chunks) appendReviewChunk(cols, chunk);
          add(part.reread);
        }
      },
      onProgress,
    );
    return cols;
  }
  const keys = await db.reviews
    .where('[packId+at]')
    .between([packId, Number.NEGATIVE_INFINITY], [packId, Number.POSITIVE_INFINITY], true, true)
    .primaryKeys();
  const all = Float64Array.from(keys as number[]).sort();
  const spans = new Set<number>();
  for (const id of all) if (cache.spans.has(spanOf(id))) spans.add(spanOf(id));
  const ids = all.filter((id) => !spans.has(spanOf(id)));
  const { runs, loose } = splitIdRuns(ids);
  const jobs: (() => Promise<ReadPart | (ReviewRow | undefined)[]>)[] = groupSpans(spans).map(cached);
  jobs.push(...runs.map(([lo, hi]) => range(lo, hi)));
  for (let i = 0; i < loose.length; i += CHUNK) {
    const part = loose.slice(i, i + CHUNK);
    jobs.push(() => db.reviews.bulkGet(part));
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
