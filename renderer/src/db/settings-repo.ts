/**
 * App settings in the `settings` table (one row, key `app`), and resetting a pack's progress.
 */
import type { AppSettings, ParsedSettings } from '../core/settings';
import { parseSettings, updateSettings } from '../core/settings';
import type { LecternDb } from './db';
import { newCardRow } from './packs-repo';
import type { CardRow, EpochMs } from './rows';

/** The `settings` row that holds the app settings. Other rows of that table belong to other features. */
export const APP_SETTINGS_KEY = 'app';

/** Reads the settings; a missing or damaged row gives the defaults (field by field), never an error. */
export async function getSettings(db: LecternDb): Promise<ParsedSettings> {
  const row = await db.settings.get(APP_SETTINGS_KEY);
  return parseSettings(row?.value);
}

/** Validates and stores the settings; returns what was stored and what was ignored. */
export async function saveSettings(db: LecternDb, settings: AppSettings): Promise<ParsedSettings> {
  const parsed = parseSettings(settings);
  await db.settings.put({ key: APP_SETTINGS_KEY, value: parsed.settings });
  return parsed;
}

/**
 * Applies a partial change in one transaction (read, merge, validate, write), so two quick changes
 * from different screens cannot overwrite each other. An invalid value keeps the stored one.
 */
export async function patchSettings(db: LecternDb, patch: Partial<AppSettings>): Promise<ParsedSettings> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(APP_SETTINGS_KEY);
    const parsed = updateSettings(parseSettings(row?.value).settings, patch);
    await db.settings.put({ key: APP_SETTINGS_KEY, value: parsed.settings });
    return parsed;
  });
}

/** How many rows `resetPackProgress` changed. */
export interface ResetProgressResult {
  cards: number;
  reviews: number;
}

/**
 * Starts a pack over, in one transaction: every card of the pack (removed ones too) goes back to New,
 * due `now`, with no stability, difficulty, reps, lapses or last review; and the pack's review-log rows
 * are deleted (so statistics start over too — a reset that kept the log would leave mastery, retention
 * and streaks describing progress that no longer exists). Kept: suspended and flagged marks (the
 * student's choices, not progress), reading progress (the chapters were read), self-test history.
 */
export async function resetPackProgress(
  db: LecternDb,
  packId: string,
  now: EpochMs,
): Promise<ResetProgressResult> {
  return db.transaction('rw', db.cards, db.reviews, async () => {
    const cards = await db.cards.where('packId').equals(packId).toArray();
    // A fresh card, keeping what is the student's choice rather than progress (suspended, flagged).
    const reset: CardRow[] = cards.map((c) => ({
      ...newCardRow(c.packId, c.key.slice(c.packId.length + 1), c.chapterId, c.order, now),
      suspended: c.suspended,
      flagged: c.flagged,
      removed: c.removed,
      rev: c.rev + 1,
    }));
    await db.cards.bulkPut(reset);
    const reviews = await db.reviews
      .where('[packId+at]')
      .between([packId, -Infinity], [packId, Infinity], true, true)
      .delete();
    return { cards: reset.length, reviews };
  });
}
