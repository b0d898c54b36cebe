/** Reading users' files for the renderer: size-checked before reading, decoded strictly. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_ARCHIVE_BYTES, MAX_FILE_BYTES, type PackFile } from './ipc/contract';
import { HandlerError } from './ipc/handle';

/** Extensions Lectern opens as packs. */
export const PACK_EXTENSIONS = ['json', 'gift', 'txt', 'csv', 'tsv', 'xml', 'lectern', 'apkg', 'colpkg'];

export function isPackPath(path: string): boolean {
  const ext = path.toLowerCase().split('.').pop() ?? '';
  return PACK_EXTENSIONS.includes(ext) && !path.startsWith('-');
}

/** Reads a pack file as text; refuses oversized files before reading and undecodable ones after. */
export async function readPackFile(path: string, origin: PackFile['origin']): Promise<PackFile> {
  const name = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new HandlerError(
      'not-found',
      `${name}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      name,
    );
  }
  // A .lectern zip or an Anki package carries media: read as bytes, up to the archive limit.
  const archive = /\.(lectern|apkg|colpkg)$/i.test(name);
  const limit = archive ? MAX_ARCHIVE_BYTES : MAX_FILE_BYTES;
  if (size > limit) {
    throw new HandlerError(
      'too-large',
      `${name} is ${(size / 1048576).toFixed(1)} MiB; Lectern opens ${archive ? 'packages with media (.lectern, .apkg, .colpkg)' : 'packs'} up to ${limit / 1048576} MiB`,
      name,
    );
  }
  const bytes = await readFile(path);
  // A zip (a .lectern pack, an Anki package) crosses IPC as base64, its bytes read in the renderer's workers.
  if (archive || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4))
    return { name, text: '', base64: Buffer.from(bytes).toString('base64'), origin };
  return { name, text: decodeText(name, bytes), origin };
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused with the place of the first bad byte. */
export function decodeText(name: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new HandlerError(
      'encoding',
      `${name}:${line}:${column}: not UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}); save the file as UTF-8 and import it again`,
      name,
    );
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const n =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
