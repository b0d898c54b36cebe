/**
 * Exporting a stored pack as a file: Lectern JSON (everything but media), a `.lectern` zip (JSON and
 * media), Moodle GIFT (what GIFT can say) or Moodle XML (what Moodle XML can say, images embedded). The
 * zip code and the XML writer load only when first used.
 */
import { packToGift } from '../core/formats/gift/write-gift';
import { listPackMediaNames, loadPackMedia } from '../db/repos/media-repo';
import { loadPackDocument } from '../db/repos/packs-repo';
import { db as appDb, type LecternDb } from '../db/schema/database';
import { invoke } from '../platform/bridge';

export type ExportFormat = 'json' | 'gift' | 'moodlexml' | 'lectern';

/** The file text of a pack in `format`, or null when the pack is not stored. */
export async function buildPackExport(
  db: LecternDb,
  packId: string,
  format: ExportFormat,
): Promise<{ defaultName: string; text: string; base64?: string } | null> {
  const pack = await loadPackDocument(db, packId);
  if (!pack) return null;
  switch (format) {
    case 'json':
      return { defaultName: `${pack.id}.json`, text: `${JSON.stringify(pack, null, 2)}\n` };
    case 'gift':
      return { defaultName: `${pack.id}.gift`, text: packToGift(pack) };
    case 'moodlexml': {
      // Loaded when first used: the writer is no part of the window's start-up code.
      const [{ packToMoodleXml }, media] = await Promise.all([
        import('../core/formats/moodlexml/write-moodle-xml'),
        loadPackMedia(db, packId),
      ]);
      return { defaultName: `${pack.id}.xml`, text: packToMoodleXml(pack, media) };
    }
    case 'lectern': {
      const [{ writeLecternZip }, media] = await Promise.all([
        import('../core/formats/lectern-zip/write-lectern-zip'),
        loadPackMedia(db, packId),
      ]);
      return { defaultName: `${pack.id}.lectern`, text: '', base64: base64Of(writeLecternZip(pack, media)) };
    }
  }
}

function base64Of(bytes: Uint8Array): string {
  // Chunks of a multiple of 3 bytes, so no chunk but the last is padded.
  const step = 3 * 10_000;
  let out = '';
  for (let i = 0; i < bytes.length; i += step)
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + step)));
  return out;
}

const FILTERS = {
  json: { name: 'Lectern pack (JSON)', extensions: ['json'] },
  gift: { name: 'Moodle GIFT', extensions: ['gift', 'txt'] },
  moodlexml: { name: 'Moodle XML', extensions: ['xml'] },
  lectern: { name: 'Lectern pack with media', extensions: ['lectern'] },
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
  // JSON and GIFT carry no media: a pack that has some would come back without its pictures and sounds
  // (Moodle XML embeds them, as Moodle's own export does).
  if ((format === 'json' || format === 'gift') && (await listPackMediaNames(db, packId)).length > 0)
    throw new Error(
      `it has images or sounds, which ${format === 'json' ? 'Lectern JSON' : 'GIFT'} cannot carry: export it as .lectern to keep them`,
    );
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
