/**
 * Reads a `.lectern` file: a zip holding `pack.json` (a Lectern JSON pack) and `media/NAME` files the
 * pack refers to as `![alt](media:NAME)`, `[sound:NAME]` or `frontImages`/`backImages`. Never throws.
 */
import { type UnzipFileInfo, unzipSync } from 'fflate';
import { checkPackMedia, MAX_MEDIA_FILE_BYTES, MAX_PACK_MEDIA_BYTES } from '../../media/limits';
import type { Diagnostic, PackResult } from '../../pack/diagnostics';
import type { PackMedia } from '../../pack/media';
import type { Pack } from '../../pack/schema';
import { MAX_PACK_BYTES, parsePackJson } from '../../pack/validate';
import { decodePackBytes, describeByteSize } from '../decode';
import { isZipBytes } from './zip-magic';

/** A read `.lectern` file: the pack and its media, or every problem found. */
export type LecternZipResult =
  | (Extract<PackResult<Pack>, { ok: true }> & { media: PackMedia[] })
  | Extract<PackResult<Pack>, { ok: false }>;

const MEDIA_DIR = 'media/';

function fail(message: string): LecternZipResult {
  return { ok: false, issues: [{ message }] };
}

/** Reads the zip's entries, refusing what is over the limits by the sizes the zip declares. */
function unzipEntries(bytes: Uint8Array): Record<string, Uint8Array> | string {
  let declared = 0;
  let refusal: string | null = null;
  const take = (file: UnzipFileInfo): boolean => {
    if (file.name.endsWith('/')) return false;
    const limit = file.name === 'pack.json' ? MAX_PACK_BYTES : MAX_MEDIA_FILE_BYTES;
    if (file.originalSize > limit) {
      refusal ??= `"${file.name}" is ${describeByteSize(file.originalSize)}, over the limit of ${describeByteSize(limit)} ${file.name === 'pack.json' ? 'for a pack' : 'per media file'}`;
      return false;
    }
    declared += file.originalSize;
    if (declared > MAX_PACK_BYTES + MAX_PACK_MEDIA_BYTES)
      refusal ??= `the files in it come to over ${describeByteSize(MAX_PACK_MEDIA_BYTES)} of media per pack`;
    return refusal === null;
  };
  try {
    const entries = unzipSync(bytes, { filter: take });
    return refusal ?? entries;
  } catch (err) {
    return `it is not a readable zip file (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Reads a `.lectern` file's bytes: `pack.json` checked as any Lectern JSON pack, with its media. */
export function readLecternZip(bytes: Uint8Array): LecternZipResult {
  if (!isZipBytes(bytes)) return fail('a .lectern file is a zip archive, and this file is not one');
  const entries = unzipEntries(bytes);
  if (typeof entries === 'string') return fail(entries);
  const json = entries['pack.json'];
  if (!json) return fail('the .lectern file has no pack.json at its top level');
  const warnings: Diagnostic[] = [];
  const files: PackMedia[] = [];
  for (const [path, data] of Object.entries(entries)) {
    if (path === 'pack.json') continue;
    const name = path.startsWith(MEDIA_DIR) ? path.slice(MEDIA_DIR.length) : '';
    if (name === '' || name.includes('/')) {
      warnings.push({
        severity: 'warning',
        message: `"${path}" is not pack.json or a file in media/: left out`,
      });
      continue;
    }
    files.push({ name, type: '', bytes: data });
  }
  const checked = checkPackMedia(files);
  const decoded = decodePackBytes(json);
  if (!decoded.ok)
    return { ok: false, issues: [{ ...decoded.issue, message: `pack.json: ${decoded.issue.message}` }] };
  const result = parsePackJson(decoded.text, { mediaNames: new Set(checked.media.map((m) => m.name)) });
  const mediaWarnings = [...warnings, ...checked.warnings];
  if (!result.ok || checked.errors.length > 0)
    return { ok: false, issues: [...checked.errors, ...(result.ok ? [] : result.issues), ...mediaWarnings] };
  return { ...result, warnings: [...result.warnings, ...mediaWarnings], media: checked.media };
}
