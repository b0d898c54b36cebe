/**
 * The settings screen's operations: the stored settings (read live), saving a change, the packs it
 * lists, and starting a pack's progress over.
 */
import type { AppSettings } from '../core/settings';
import {
  getSettings,
  measureResetImpact,
  patchSettings,
  type ResetImpact,
  type ResetProgressResult,
  resetPackProgress,
} from '../db/repos/settings-repo';
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

/** What resetting a pack's progress would remove. */
export function measurePackReset(packId: string): Promise<ResetImpact> {
  return measureResetImpact(db, packId);
}

/** Starts a pack over: its questions new again, its reviews removed. */
export function resetPack(packId: string, now: number): Promise<ResetProgressResult> {
  return resetPackProgress(db, packId, now);
}
