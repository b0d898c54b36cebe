/**
 * App settings in the `settings` table (one row, key `app`), and resetting a pack's progress.
 */
import type { AppSettings, ParsedSettings } from '../../core/settings';
import { parseSettings, updateSettings } from '../../core/settings';
import type { LecternDb } from '../schema/database';

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
