/**
 * The files a Moodle XML question embeds (`<file name=… encoding="base64">`, Moodle 1.9's `<image>` with
 * `<image_base64>`) → the pack's media. Names are made safe for `![alt](media:NAME)` and `[sound:NAME]`;
 * the same name with other bytes in another question gets a suffix, so questions never share a file by
 * accident; the same bytes under the same name are stored once.
 */
import type { PackMedia } from '../../pack/media';
import { childrenNamed, type XmlElement } from './xml-tree';

/** An embedded file as found in the XML. */
export interface EmbeddedFile {
  name: string;
  bytes: Uint8Array;
  at: number;
}

/** The MIME type of image and audio bytes Lectern can show or play, from their first bytes. */
export function sniffMediaType(b: Uint8Array): string | undefined {
  const ascii = (from: number, s: string) => [...s].every((c, i) => b[from + i] === c.charCodeAt(0));
  if (b[0] === 0x89 && ascii(1, 'PNG')) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 'GIF8')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'audio/wav';
  if (ascii(0, 'OggS')) return 'audio/ogg';
  if (ascii(0, 'fLaC')) return 'audio/flac';
  if (ascii(0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (ascii(4, 'ftyp')) return 'audio/mp4';
  const head = new TextDecoder().decode(b.subarray(0, 512)).replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return 'image/svg+xml';
  return undefined;
}

/** Decodes base64 (white space ignored); undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The `<file>` children of `el` with base64 content (others are reported through `skipped`). */
export function filesOf(
  el: XmlElement | undefined,
  skipped: (why: string, at: number) => void,
): EmbeddedFile[] {
  const out: EmbeddedFile[] = [];
  for (const f of childrenNamed(el, 'file')) {
    const name = f.attrs.get('name')?.value ?? '';
    const encoding = f.attrs.get('encoding')?.value ?? 'base64';
    const bytes = encoding === 'base64' ? decodeBase64(f.text) : undefined;
    if (!bytes) skipped(`the embedded file "${name}" is not base64: left out`, f.at);
    else if (name) out.push({ name, bytes, at: f.at });
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A file name as a media name: letters, digits, `.`, `_`, `-` only, no leading dot, ≤ 120. */
export function safeMediaName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  let safe = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  safe = safe.replace(/^[._]+/, '');
  if (safe.length > 120) safe = safe.slice(-120).replace(/^[._]+/, '');
  return safe || 'file';
}

/** Collects the pack's media across questions. */
export class MediaCollector {
  readonly media: PackMedia[] = [];
  private readonly byName = new Map<string, PackMedia>();

  /** Adds a file (when its type is one Lectern shows or plays); returns its media name, or undefined. */
  add(file: EmbeddedFile): PackMedia | undefined {
    const type = sniffMediaType(file.bytes);
    if (!type) return undefined;
    const wanted = safeMediaName(file.name);
    const dot = wanted.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
    for (let n = 1; ; n++) {
      const name = n === 1 ? wanted : `${stem}-${n}${ext}`;
      const existing = this.byName.get(name);
      if (!existing) {
        const media: PackMedia = { name, type, bytes: file.bytes };
        this.byName.set(name, media);
        this.media.push(media);
        return media;
      }
      if (sameBytes(existing.bytes, file.bytes)) return existing;
    }
  }
}
