/**
 * Loads what the statistics need and returns the figures. The review log is read in chunks straight
 * into typed columns, so a million rows (each carrying the previous card state for undo) never sit in
 * memory as objects at once. Everything is read in one read-only transaction: a consistent snapshot.
 */
import type { Question, QuestionType } from '../core/pack/schema';
import type { AppSettings } from '../core/settings';
import { parseSettings } from '../core/settings';
import {
  appendReview,
  computeStats,
  createReviewColumns,
  type HardQuestion,
  makeDayClock,
  type ReviewColumns,
  type StatsReport,
} from '../core/stats';
import type { LecternDb } from './db';
import type { CardKey, CardRow, EpochMs, ReviewRow } from './rows';
import { APP_SETTINGS_KEY } from './settings-repo';

/** Reviews read per request. */
const CHUNK = 5000;

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

/** Loads cards, review log and settings, and computes every statistic at `now`. */
export async function loadStats(db: LecternDb, options: LoadStatsOptions): Promise<StatsSummary> {
  return db.transaction('r', [db.cards, db.reviews, db.questions, db.settings], async () => {
    const settings =
      options.settings ?? parseSettings((await db.settings.get(APP_SETTINGS_KEY))?.value).settings;
    const cards: CardRow[] =
      options.packId === undefined
        ? await db.cards.toArray()
        : await db.cards.where('packId').equals(options.packId).toArray();
    const log = await loadReviewColumns(db, options.packId);
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
      ...(options.heatmapDays !== undefined ? { heatmapDays: options.heatmapDays } : {}),
      ...(options.forecastDays !== undefined ? { forecastDays: options.forecastDays } : {}),
      ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      ...(options.hardestLimit !== undefined ? { hardestLimit: options.hardestLimit } : {}),
    });
    const questions = await db.questions.bulkGet(report.cards.hardest.map((h) => h.key as CardKey));
    const hardestDetails: HardQuestionDetail[] = [];
    report.cards.hardest.forEach((h, i) => {
      const q = questions[i];
      if (q)
        hardestDetails.push({
          ...h,
          questionId: q.id,
          section: q.section,
          type: q.type,
          question: q.question,
        });
    });
    return { ...report, hardestDetails };
  });
}

/**
 * Reads the review log (one pack's, or all) into columns. All reviews: consecutive id ranges via
 * getAll. One pack: the pack index's primary keys (keys only, cheap), then rows in chunks.
 */
export async function loadReviewColumns(db: LecternDb, packId?: string): Promise<ReviewColumns> {
  const cols = createReviewColumns(CHUNK);
  const add = (rows: readonly (ReviewRow | undefined)[]) => {
    for (const r of rows) if (r) appendReview(cols, r);
  };
  if (packId === undefined) {
    let after = Number.NEGATIVE_INFINITY;
    for (;;) {
      const rows = await db.reviews.where(':id').above(after).limit(CHUNK).toArray();
      add(rows);
      const last = rows[rows.length - 1];
      if (rows.length < CHUNK || last?.id === undefined) break;
      after = last.id;
    }
    return cols;
  }
  const ids = await db.reviews
    .where('[packId+at]')
    .between([packId, Number.NEGATIVE_INFINITY], [packId, Number.POSITIVE_INFINITY], true, true)
    .primaryKeys();
  for (let i = 0; i < ids.length; i += CHUNK) add(await db.reviews.bulkGet(ids.slice(i, i + CHUNK)));
  return cols;
}
