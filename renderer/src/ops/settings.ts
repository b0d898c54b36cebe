/**
 * The settings screen's operations: the stored settings (read live), saving a change, the packs it
 * lists, and starting a pack's progress over.
 */
import type { AppSettings } from '../core/settings';
import type { ResetImpact, ResetProgressResult } from '../db/repos/pack-reset-repo';
import { getSettings, patchSettings } from '../db/repos/settings-repo';
import { db } from '../db/schema/database';
import { listPacksInLibraryOrder } from './library';

export type { ResetImpact, ResetProgressResult };

/** The stored settings (defaults field by field where missing or damaged). */
export async function loadSettings(): Promise<AppSettings> {
  return (await getSettings(db)).settings;
}

/** Stores a partial change; `ignored` names the values refused (the stored ones are kept). */
export function saveSettingsPatch(patch: Partial<AppSettings>): ReturnType<typeof patchSettings> {
  return patchSettings(db, patch);
}

/** Pack ids and titles in the Library's order (bundled first, then by title). */
export async function listPackTitles(): Promise<{ id: string; title: string }[]> {
  return (await listPacksInLibraryOrder()).map(({ id, title }) => ({ id, title }));
}

/**
 * The pack-reset repository is loaded when first used: it reaches the review log's day records and
 * their codec, which start-up (the theme reads the settings through this module) does not need.
 */
const packReset = () => import('../db/repos/pack-reset-repo');

/** What resetting a pack's progress would remove. */
export async function measurePackReset(packId: string): Promise<ResetImpact> {
  return (await packReset()).measureResetImpact(db, packId);
}

/** Starts a pack over: its questions new again, its reviews removed. */
export async function resetPack(packId: string, now: number): Promise<ResetProgressResult> {
  return (await packReset()).resetPackProgress(db, packId, now);
}
