/** Exporting a stored pack as a file: Lectern JSON (everything) or Moodle GIFT (what GIFT can say). */
import { packToGift } from '../core/formats';
import { loadPackDocument } from '../db/repos/packs-repo';
import { db as appDb, type LecternDb } from '../db/schema/database';
import { invoke } from '../platform/bridge';

export type ExportFormat = 'json' | 'gift';

/** The file text of a pack in `format`, or null when the pack is not stored. */
export async function buildPackExport(
  db: LecternDb,
  packId: string,
  format: ExportFormat,
): Promise<{ defaultName: string; text: string } | null> {
  const pack = await loadPackDocument(db, packId);
  if (!pack) return null;
  return format === 'json'
    ? { defaultName: `${pack.id}.json`, text: `${JSON.stringify(pack, null, 2)}\n` }
    : { defaultName: `${pack.id}.gift`, text: packToGift(pack) };
}

const FILTERS = {
  json: { name: 'Lectern pack (JSON)', extensions: ['json'] },
  gift: { name: 'Moodle GIFT', extensions: ['gift', 'txt'] },
} as const;

/**
 * Asks where to save the pack and writes it; returns the saved path, null when cancelled, or throws
 * with main's message.
 */
export async function exportPack(
  packId: string,
  format: ExportFormat,
  db: LecternDb = appDb,
): Promise<string | null> {
  const file = await buildPackExport(db, packId, format);
  if (!file) throw new Error('This pack is no longer stored.');
  const filter = FILTERS[format];
  const res = await invoke('files:save', {
    ...file,
    filter: { name: filter.name, extensions: [...filter.extensions] },
  });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}
