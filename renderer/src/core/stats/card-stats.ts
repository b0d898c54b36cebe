/**
 * Figures from the card rows: mastery, due today and new left per pack and chapter, the due forecast,
 * and the hardest questions. One pass over the cards.
 *
 * A question without a card row is new (cards are written when a question is first studied,
 * suspended or flagged), so a group's question count comes from the packs' shapes (`packs`: live
 * questions per chapter) and the card rows only say which of them are started: new left = questions −
 * started (studied or suspended). Without shapes, the card rows are taken as every question there is.
 */
import { type DayClock, dayIndexAt, dayStartAt, formatDay } from './day';
import { masteryRatioLimit } from './retrievability';
import type { DaySeries } from './review-stats';

/** The card fields the statistics read (a `CardRow` has them). */
export interface StatsCard {
  key: string;
  packId: string;
  chapterId: string;
  /** Course order within the pack. */
  order: number;
  state: number;
  due: number;
  stability: number;
  lastReview: number | null;
  lapses: number;
  suspended: number;
  /** In no figure: kept so that sync's export finds the marked cards without reading every row. */
  flagged: number;
  removed: number;
}

/** Progress of a group of questions (a pack or a chapter). */
export interface Progress {
  /** Questions in the group (removed ones are left out; suspended ones count). */
  questions: number;
  /** Questions in Review state whose retrievability now is at or above the desired retention. */
  mastered: number;
  /** mastered / questions (0 for an empty group). */
  mastery: number;
  /** Cards already seen (not New), not suspended, due before today ends (overdue included). */
  dueToday: number;
  /** New (never answered) cards, not suspended. */
  newLeft: number;
}

/** A chapter's progress. */
export interface ChapterProgress extends Progress {
  packId: string;
  chapterId: string;
}

/** A pack's progress with its chapters in course order. */
export interface PackProgress extends Progress {
  packId: string;
  chapters: ChapterProgress[];
}

/** One of the hardest questions. */
export interface HardQuestion {
  key: string;
  packId: string;
  chapterId: string;
  /** Course order within the pack (where its question is stored). */
  order: number;
  lapses: number;
  stability: number;
}

/** Everything `computeCardStats` reports. */
export interface CardStats {
  /** Packs sorted by id. */
  packs: PackProgress[];
  /** Cards falling due per day, today first (overdue cards count under today). */
  forecast: DaySeries;
  /** Most lapses first; ties by lowest stability, then course order. Only cards with a lapse. */
  hardest: HardQuestion[];
}

/** A pack's shape: its chapters in course order, each with its number of live questions. */
export interface StatsPackShape {
  packId: string;
  chapters: readonly { chapterId: string; questions: number }[];
}

/** Options of `computeCardStats`. */
export interface CardStatsOptions {
  now: number;
  /**
   * The packs' live questions per chapter (`PackRow.chapterCounts` in course order). Questions without
   * a card row count as new. Left out: only the chapters and packs that have card rows are reported.
   */
  packs?: readonly StatsPackShape[];
  clock: DayClock;
  /** Desired retention (the global setting). */
  desiredRetention: number;
  /** Per-pack desired retention where a pack overrides it. */
  packRetention?: Readonly<Record<string, number>>;
  /** Days in the forecast, starting today (default 30). */
  forecastDays?: number;
  /** How many hardest questions to list (default 20). */
  hardestLimit?: number;
}

/** Running counts of one chapter. */
interface Acc {
  /** Live questions the pack's shape gives the chapter (0 when it is not in a shape). */
  listed: number;
  /** Live card rows seen. */
  rows: number;
  /** Of those, studied or suspended (not new). */
  started: number;
  mastered: number;
  dueToday: number;
  /** Place in the pack's shape (unlisted chapters come after the listed ones). */
  rank: number;
  firstOrder: number;
}

function createAcc(listed = 0, rank = Number.POSITIVE_INFINITY): Acc {
  return {
    listed,
    rows: 0,
    started: 0,
    mastered: 0,
    dueToday: 0,
    rank,
    firstOrder: Number.POSITIVE_INFINITY,
  };
}

interface PackAcc {
  chapters: Map<string, Acc>;
  ratioLimit: number;
}

/** Computes the card figures at `now`. */
export function computeCardStats(cards: readonly StatsCard[], options: CardStatsOptions): CardStats {
  const { now, clock } = options;
  const forecastDays = Math.max(1, Math.floor(options.forecastDays ?? 30));
  const hardestLimit = Math.max(0, Math.floor(options.hardestLimit ?? 20));
  const today = dayIndexAt(now, clock);
  const endOfToday = dayStartAt(today + 1, clock);
  const forecast = new Array<number>(forecastDays).fill(0);
  const packs = new Map<string, PackAcc>();
  const hard: StatsCard[] = [];
  const packOf = (packId: string): PackAcc => {
    let pack = packs.get(packId);
    if (!pack) {
      const retention = options.packRetention?.[packId] ?? options.desiredRetention;
      pack = { chapters: new Map(), ratioLimit: masteryRatioLimit(retention) };
      packs.set(packId, pack);
    }
    return pack;
  };
  for (const shape of options.packs ?? []) {
    const pack = packOf(shape.packId);
    shape.chapters.forEach((c, rank) => {
      pack.chapters.set(c.chapterId, createAcc(Math.max(0, c.questions), rank));
    });
  }

  for (const card of cards) {
    if (card.removed) continue;
    const pack = packOf(card.packId);
    let chapter = pack.chapters.get(card.chapterId);
    if (!chapter) {
      chapter = createAcc();
      pack.chapters.set(card.chapterId, chapter);
    }
    if (card.order < chapter.firstOrder) chapter.firstOrder = card.order;
    chapter.rows++;
    if (card.state === 2 && isRecalled(card, now, pack.ratioLimit)) chapter.mastered++;
    if (card.state !== 0 || card.suspended) chapter.started++;
    if (!card.suspended && card.state !== 0) {
      if (card.due < endOfToday) chapter.dueToday++;
      const d = Math.max(0, dayIndexAt(card.due, clock) - today);
      if (d < forecastDays) forecast[d] = (forecast[d] as number) + 1;
    }
    if (card.lapses > 0 && hardestLimit > 0) keepHardest(hard, card, hardestLimit);
  }

  const packList: PackProgress[] = [];
  for (const [packId, { chapters }] of [...packs.entries()].sort(([a], [b]) => cmp(a, b))) {
    const list: ChapterProgress[] = [...chapters.entries()]
      .sort(([, a], [, b]) => a.rank - b.rank || a.firstOrder - b.firstOrder)
      .map(([chapterId, c]) => ({ packId, chapterId, ...toProgress(c) }))
      .filter((c) => c.questions > 0);
    const total = sumProgress(list);
    if (total.questions > 0) packList.push({ packId, ...total, chapters: list });
  }

  const hardest = hard.map((c) => ({
    key: c.key,
    packId: c.packId,
    chapterId: c.chapterId,
    order: c.order,
    lapses: c.lapses,
    stability: c.stability,
  }));

  return {
    packs: packList,
    forecast: { firstDay: today, firstDate: formatDay(today), values: forecast },
    hardest,
  };
}

/** Same test as `retrievability(card, now) >= retention`, as a ratio comparison (see `masteryRatioLimit`). */
function isRecalled(card: StatsCard, now: number, ratioLimit: number): boolean {
  if (card.lastReview === null || !(card.stability > 0)) return false;
  const t = Math.max(0, (now - card.lastReview) / 86_400_000);
  return t / card.stability <= ratioLimit;
}

function compareHardness(a: StatsCard, b: StatsCard): number {
  return b.lapses - a.lapses || a.stability - b.stability || a.order - b.order || cmp(a.key, b.key);
}

/** Keeps `top` sorted and at most `limit` long: most cards are rejected by one comparison. */
function keepHardest(top: StatsCard[], card: StatsCard, limit: number): void {
  const last = top[top.length - 1];
  if (top.length === limit && last !== undefined && compareHardness(card, last) >= 0) return;
  let i = top.length;
  while (i > 0 && compareHardness(card, top[i - 1] as StatsCard) < 0) i--;
  top.splice(i, 0, card);
  if (top.length > limit) top.pop();
}

function toProgress(acc: Acc): Progress {
  // More rows than the shape lists means the shape is stale: the rows are questions too.
  const questions = Math.max(acc.listed, acc.rows);
  return {
    questions,
    mastered: acc.mastered,
    mastery: questions > 0 ? acc.mastered / questions : 0,
    dueToday: acc.dueToday,
    newLeft: Math.max(0, questions - acc.started),
  };
}

function sumProgress(list: readonly Progress[]): Progress {
  let questions = 0;
  let mastered = 0;
  let dueToday = 0;
  let newLeft = 0;
  for (const c of list) {
    questions += c.questions;
    mastered += c.mastered;
    dueToday += c.dueToday;
    newLeft += c.newLeft;
  }
  return { questions, mastered, mastery: questions > 0 ? mastered / questions : 0, dueToday, newLeft };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
