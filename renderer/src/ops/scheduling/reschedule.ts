/**
 * Rescheduling a preset's review cards after its parameters or desired retention changed (Anki's
 * "Reschedule cards on change"): first a plan with the 30-day forecast before and after, worked out
 * in slices so the page stays responsive, then — if the student agrees — one write per slice that
 * skips any card changed since the plan (its `rev` moved).
 */
import { createRescheduler, forecastDue, type ReviewFact } from '../../core/scheduler';
import { dayIndexAt, dayStartAt, makeDayClock } from '../../core/stats/day';
import { getSettings } from '../../db/repos/settings-repo';
import { db as appDb, type LecternDb, withCardIndexFields } from '../../db/schema/database';
import type { CardRow } from '../../db/schema/rows';
import { forgetDueLoads } from './due-load';
import { packsOfPreset, presetSchedulerSettings } from './preset-packs';
import { readReviewFacts } from './review-facts';

/** A reschedule worked out but not written. */
export interface ReschedulePlan {
  /** Review cards whose due moves. */
  moved: number;
  /** Cards due on each of the next 30 days (today first, overdue included), before and after. */
  before: number[];
  after: number[];
  /** Writes the plan; resolves to the cards written (cards changed since the plan are skipped). */
  apply(): Promise<number>;
}

const SLICE = 2000;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Works out how preset `presetId`'s review cards would move under its current settings. */
export async function planReschedule(
  db: LecternDb,
  presetId: string,
  now: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ReschedulePlan> {
  const { settings } = await getSettings(db);
  const packIds = await packsOfPreset(db, settings, presetId);
  const cards: CardRow[] = [];
  for (const packId of packIds) {
    await db.cards
      .where('packId')
      .equals(packId)
      .each((c) => {
        if (c.state > 0 && !c.suspended && !c.removed) cards.push(c);
      });
  }
  const byCard = new Map<string, ReviewFact[]>();
  for (const f of await readReviewFacts(db, packIds)) {
    const list = byCard.get(f.cardKey);
    if (list) list.push(f);
    else byCard.set(f.cardKey, [f]);
  }
  const reschedule = createRescheduler(presetSchedulerSettings(settings, presetId));
  const changed: CardRow[] = [];
  const afterDues: number[] = [];
  for (let i = 0; i < cards.length; i += SLICE) {
    for (const c of cards.slice(i, i + SLICE)) {
      const next = reschedule(c, byCard.get(c.key));
      afterDues.push(next.due);
      if (next !== c && next.due !== c.due)
        changed.push(withCardIndexFields<CardRow>({ ...c, ...next, rev: c.rev + 1 }));
    }
    onProgress?.(Math.min(cards.length, i + SLICE), cards.length);
    await yieldToPage();
  }
  const clock = makeDayClock({
    utcOffsetMinutes: -new Date(now).getTimezoneOffset(),
    dayStartHour: settings.dayStartHour,
  });
  const dayStart = dayStartAt(dayIndexAt(now, clock), clock);
  return {
    moved: changed.length,
    before: forecastDue(
      cards.map((c) => c.due),
      dayStart,
    ),
    after: forecastDue(afterDues, dayStart),
    apply: async () => {
      let written = 0;
      for (let i = 0; i < changed.length; i += SLICE) {
        const slice = changed.slice(i, i + SLICE);
        written += await db.transaction('rw', db.cards, async () => {
          const current = await db.cards.bulkGet(slice.map((c) => c.key));
          const keep = slice.filter((c, k) => current[k]?.rev === c.rev - 1);
          await db.cards.bulkPut(keep);
          return keep.length;
        });
        await yieldToPage();
      }
      forgetDueLoads();
      return written;
    },
  };
}

/** Sums a 30-day forecast into the rows the dialog shows: today, then weeks. */
export function forecastRows(days: readonly number[]): { label: string; count: number }[] {
  const sum = (a: number, b: number) => days.slice(a, b).reduce((s, n) => s + n, 0);
  return [
    { label: 'Today (with overdue)', count: sum(0, 1) },
    { label: 'Days 1–7', count: sum(1, 8) },
    { label: 'Days 8–14', count: sum(8, 15) },
    { label: 'Days 15–21', count: sum(15, 22) },
    { label: 'Days 22–29', count: sum(22, 30) },
    { label: 'All 30 days', count: sum(0, 30) },
  ];
}

/** {@link planReschedule} on the app's database (for the settings screen). */
export function planAppReschedule(
  presetId: string,
  now: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ReschedulePlan> {
  return planReschedule(appDb, presetId, now, onProgress);
}
