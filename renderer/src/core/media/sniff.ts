/**
 * The MIME type of a media file from its bytes alone: a file's name or a reader's claim is never
 * trusted, so a script named `x.png` is not shown and an SVG named `x.png` is still only an image.
 */

/** Image types Lectern shows (as `<img>` only: an SVG never enters the page's DOM). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;
/** Audio types Lectern plays. */
export const AUDIO_TYPES = [
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'audio/mp4',
  'audio/flac',
  'audio/webm',
] as const;

export type MediaType = (typeof IMAGE_TYPES)[number] | (typeof AUDIO_TYPES)[number];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(b: Uint8Array, at: number, text: string): boolean {
  return startsWith(
    b,
    [...text].map((c) => c.charCodeAt(0)),
    at,
  );
}

/** Whether the bytes are an SVG document: `<svg` after an optional BOM, XML declaration, comments and doctype. */
function isSvg(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096));
  const rest = head
    .replace(/^\uFEFF/, '')
    .replace(/^(\s|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>)*/i, '');
  return /^<svg[\s>/:]/i.test(rest);
}

/** The type of the bytes, or null when they are no image or audio Lectern shows or plays. */
export function sniffMediaType(b: Uint8Array): MediaType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
  if (ascii(b, 0, 'OggS')) return 'audio/ogg';
  if (ascii(b, 0, 'fLaC')) return 'audio/flac';
  if (ascii(b, 0, 'ID3')) return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, then a layer that is not "reserved".
  if ((b[0] ?? 0) === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0)
    return 'audio/mpeg';
  if (ascii(b, 4, 'ftyp')) return 'audio/mp4';
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
  if (isSvg(b)) return 'image/svg+xml';
  return null;
}

/** Whether `type` is an image type (else audio). */
export function isImageType(type: string): boolean {
  return type.startsWith('image/');
}
