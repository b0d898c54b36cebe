/**
 * Figures from the card rows: mastery, due today and new left per pack and chapter, the due forecast,
 * and the hardest questions. One pass over the cards.
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

/** Options of `computeCardStats`. */
export interface CardStatsOptions {
  now: number;
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

interface Acc extends Progress {
  firstOrder: number;
}

function createAcc(): Acc {
  return {
    questions: 0,
    mastered: 0,
    mastery: 0,
    dueToday: 0,
    newLeft: 0,
    firstOrder: Number.POSITIVE_INFINITY,
  };
}

/** Computes the card figures at `now`. */
export function computeCardStats(cards: readonly StatsCard[], options: CardStatsOptions): CardStats {
  const { now, clock } = options;
  const forecastDays = Math.max(1, Math.floor(options.forecastDays ?? 30));
  const hardestLimit = Math.max(0, Math.floor(options.hardestLimit ?? 20));
  const today = dayIndexAt(now, clock);
  const endOfToday = dayStartAt(today + 1, clock);
  const forecast = new Array<number>(forecastDays).fill(0);
  const packs = new Map<string, { acc: Acc; chapters: Map<string, Acc>; ratioLimit: number }>();
  const hard: StatsCard[] = [];

  for (const card of cards) {
    if (card.removed) continue;
    let pack = packs.get(card.packId);
    if (!pack) {
      const retention = options.packRetention?.[card.packId] ?? options.desiredRetention;
      pack = { acc: createAcc(), chapters: new Map(), ratioLimit: masteryRatioLimit(retention) };
      packs.set(card.packId, pack);
    }
    let chapter = pack.chapters.get(card.chapterId);
    if (!chapter) {
      chapter = createAcc();
      pack.chapters.set(card.chapterId, chapter);
    }
    if (card.order < chapter.firstOrder) chapter.firstOrder = card.order;
    const mastered = card.state === 2 && isRecalled(card, now, pack.ratioLimit) ? 1 : 0;
    let due = 0;
    let isNew = 0;
    if (!card.suspended) {
      if (card.state === 0) isNew = 1;
      else {
        if (card.due < endOfToday) due = 1;
        const d = Math.max(0, dayIndexAt(card.due, clock) - today);
        if (d < forecastDays) forecast[d] = (forecast[d] as number) + 1;
      }
    }
    count(pack.acc, mastered, due, isNew);
    count(chapter, mastered, due, isNew);
    if (card.lapses > 0 && hardestLimit > 0) keepHardest(hard, card, hardestLimit);
  }

  const packList: PackProgress[] = [...packs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([packId, { acc, chapters }]) => ({
      packId,
      ...toProgress(acc),
      chapters: [...chapters.entries()]
        .sort(([, a], [, b]) => a.firstOrder - b.firstOrder)
        .map(([chapterId, c]) => ({ packId, chapterId, ...toProgress(c) })),
    }));

  const hardest = hard.map((c) => ({
    key: c.key,
    packId: c.packId,
    chapterId: c.chapterId,
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

function count(acc: Acc, mastered: number, due: number, isNew: number): void {
  acc.questions++;
  acc.mastered += mastered;
  acc.dueToday += due;
  acc.newLeft += isNew;
}

function toProgress(acc: Acc): Progress {
  return {
    questions: acc.questions,
    mastered: acc.mastered,
    mastery: acc.questions > 0 ? acc.mastered / acc.questions : 0,
    dueToday: acc.dueToday,
    newLeft: acc.newLeft,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
