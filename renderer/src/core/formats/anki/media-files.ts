/**
 * The package's media as {@link PackMedia}: the type sniffed from the bytes (never the name), names made
 * safe for a `![alt](media:NAME)` reference, and files of kinds Lectern cannot show left out.
 */
import { isMediaName, type PackMedia } from '../../pack/media';

/** The MIME type of an image or audio file from its first bytes, or undefined for anything else. */
export function sniffMediaType(b: Uint8Array): string | undefined {
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  const ascii = (i: number, s: string) => at(i, ...[...s].map((c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'audio/wav';
  if (ascii(0, 'OggS')) return 'audio/ogg';
  if (ascii(0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (ascii(4, 'ftyp')) return 'audio/mp4';
  if (ascii(0, 'fLaC')) return 'audio/flac';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 1024)).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'image/svg+xml';
  return undefined;
}

/** A name safe inside `![alt](media:NAME)` and `[sound:NAME]`: no spaces, brackets or parentheses. */
function safeName(name: string): string {
  const flat = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || /[\s()[\]<>\\/]/.test(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '_');
  return flat.length > 255 ? flat.slice(flat.length - 255) : flat;
}

/** Media ready for the pack, and what Anki name maps to which pack name. */
export interface PackedMedia {
  media: PackMedia[];
  /** Anki media name → pack media name, for the files kept. */
  names: Map<string, string>;
  /** Files left out because their kind is not an image or audio Lectern plays (e.g. fonts). */
  skipped: string[];
}

/** Keeps the images and audio, each under a unique safe name. */
export function packMedia(files: Map<string, Uint8Array>): PackedMedia {
  const media: PackMedia[] = [];
  const names = new Map<string, string>();
  const used = new Set<string>();
  const skipped: string[] = [];
  for (const [name, bytes] of files) {
    const type = sniffMediaType(bytes);
    if (!type) {
      skipped.push(name);
      continue;
    }
    let safe = safeName(name);
    if (!isMediaName(safe)) safe = `media_${media.length + 1}`;
    for (let n = 2; used.has(safe); n++) safe = `${n}_${safeName(name)}`.slice(0, 255);
    used.add(safe);
    names.set(name, safe);
    media.push({ name: safe, type, bytes });
  }
  return { media, names, skipped };
}
