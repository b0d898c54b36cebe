/**
 * Media for the CLI: a `.lectern` zip's own files, or the files a Lectern JSON pack names
 * (`media:NAME`, `[sound:NAME]`, `frontImages`/`backImages`) found beside it — in its folder or its
 * `media/` folder — so a pack can be written as JSON with its pictures next to it and then converted.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkPackMedia } from '../core/media/limits';
import { collectMediaRefs } from '../core/media/refs';
import type { Diagnostic } from '../core/pack/diagnostics';
import { isMediaName, type PackMedia } from '../core/pack/media';
import type { Pack } from '../core/pack/schema';

/** The media files found beside a JSON pack, and problems with them (over a limit, not an image). */
export interface MediaBeside {
  media: PackMedia[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Reads the files the JSON text's pack refers to from beside `file`; names not found are left out. */
export async function readMediaBeside(file: string, text: string): Promise<MediaBeside> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { media: [], errors: [], warnings: [] };
  }
  if (data === null || typeof data !== 'object') return { media: [], errors: [], warnings: [] };
  const names = new Set(
    collectMediaRefs(data as Pack)
      .map((r) => r.name)
      .filter(isMediaName),
  );
  const dir = dirname(file);
  const found: PackMedia[] = [];
  for (const name of names) {
    for (const path of [join(dir, name), join(dir, 'media', name)]) {
      try {
        const bytes = await readFile(path);
        found.push({
          name,
          type: '',
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        });
        break;
      } catch {
        // Not there: the next place, or the pack's check names the missing file.
      }
    }
  }
  return checkPackMedia(found);
}
