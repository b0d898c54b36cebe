/** The packs a scheduling preset schedules, and its settings as the scheduler takes them. */
import type { SchedulerSettings } from '../../core/scheduler';
import { type AppSettings, presetById, presetIdOf } from '../../core/settings';
import type { LecternDb } from '../../db/schema/database';

/** Its assigned packs, or (Default) every pack without another preset. */
export async function packsOfPreset(
  db: LecternDb,
  settings: AppSettings,
  presetId: string,
): Promise<string[]> {
  const packIds = (await db.packs.toCollection().primaryKeys()) as string[];
  return packIds.filter((id) => presetIdOf(settings, id) === presetId);
}

/** The preset's scheduler settings (with the app-wide load balancing). */
export function presetSchedulerSettings(settings: AppSettings, presetId: string): SchedulerSettings {
  const p = presetById(settings, presetId);
  return { ...p, loadBalancing: settings.loadBalancing };
}
