/** Writes a `.lectern` file: `pack.json` and the pack's media under `media/`. */
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { PackMedia } from '../../pack/media';
import type { Pack } from '../../pack/schema';

/**
 * The bytes of a `.lectern` zip for `pack` and its `media`. Media are stored (level 0): images and
 * sounds are compressed already, and deflating them again costs time for nothing.
 */
export function writeLecternZip(pack: Pack, media: readonly PackMedia[]): Uint8Array {
  const files: Zippable = { 'pack.json': [strToU8(`${JSON.stringify(pack, null, 2)}\n`), { level: 6 }] };
  // Flat `media/NAME` keys: no separate entry for the folder itself.
  for (const m of media) files[`media/${m.name}`] = [m.bytes, { level: 0 }];
  // A fixed time keeps the same pack's file byte-identical from one export to the next.
  return zipSync(files, { mtime: new Date(Date.UTC(2020, 0, 1)) });
}
