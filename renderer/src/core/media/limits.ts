/** How much media a pack may carry, and the refusals that name the file over a limit. */

import { describeByteSize } from '../formats/decode';
import type { Diagnostic } from '../pack/diagnostics';
import { isMediaName, type PackMedia } from '../pack/media';
import { sniffMediaType } from './sniff';

/** Largest single media file: 10 MiB. */
export const MAX_MEDIA_FILE_BYTES = 10 * 1024 * 1024;
/** Largest total of one pack's media: 500 MiB. */
export const MAX_PACK_MEDIA_BYTES = 500 * 1024 * 1024;

/** A pack's media checked: what is kept (type sniffed from the bytes), errors and warnings naming files. */
export interface CheckedMedia {
  media: PackMedia[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * Checks a pack's media: names valid and unique, every file within {@link MAX_MEDIA_FILE_BYTES} and the
 * whole within {@link MAX_PACK_MEDIA_BYTES} (errors, naming the file); a file that is no image or audio
 * Lectern shows is left out with a warning. Each kept file's `type` is the sniffed one.
 */
export function checkPackMedia(files: readonly PackMedia[]): CheckedMedia {
  const out: CheckedMedia = { media: [], errors: [], warnings: [] };
  const seen = new Set<string>();
  let total = 0;
  for (const file of files) {
    const at = { path: ['media', file.name] };
    if (!isMediaName(file.name)) {
      out.errors.push({
        ...at,
        message: `media file name "${file.name.slice(0, 80)}" is not allowed (no "/", "\\", NUL or leading dot; at most 255 characters)`,
      });
      continue;
    }
    if (seen.has(file.name)) {
      out.errors.push({ ...at, message: `media file "${file.name}" appears twice` });
      continue;
    }
    seen.add(file.name);
    if (file.bytes.length > MAX_MEDIA_FILE_BYTES) {
      out.errors.push({
        ...at,
        message: `media file "${file.name}" is ${describeByteSize(file.bytes.length)}, over the limit of ${describeByteSize(MAX_MEDIA_FILE_BYTES)} per file`,
      });
      continue;
    }
    const type = sniffMediaType(file.bytes);
    if (!type) {
      out.warnings.push({
        ...at,
        severity: 'warning',
        message: `media file "${file.name}" is not an image or sound Lectern shows (PNG, JPEG, GIF, WebP, SVG; MP3, Ogg, WAV, M4A, FLAC, WebM): left out`,
      });
      continue;
    }
    total += file.bytes.length;
    out.media.push({ name: file.name, type, bytes: file.bytes });
  }
  if (total > MAX_PACK_MEDIA_BYTES) {
    const largest = [...out.media].sort((a, b) => b.bytes.length - a.bytes.length)[0];
    out.errors.push({
      path: ['media'],
      message: `the pack's media come to ${describeByteSize(total)}, over the limit of ${describeByteSize(MAX_PACK_MEDIA_BYTES)} per pack${largest ? ` (largest: "${largest.name}", ${describeByteSize(largest.bytes.length)})` : ''}`,
    });
  }
  return out;
}
