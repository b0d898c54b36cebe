/**
 * Bytes → text for pack files, before any parsing: the size limit, byte-order marks, UTF-8 validation
 * with the place of the first bad byte, UTF-16 (only with a BOM: the one case known with certainty),
 * and CRLF/CR → LF. Never throws.
 */
import type { Diagnostic } from '../pack/diagnostics';
import { MAX_PACK_BYTES } from '../pack/validate';

/** The text of a pack file, or the one reason it cannot be read. */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; issue: Diagnostic };

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A size in words: "70.5 MiB (73,924,608 bytes)". */
export function describeByteSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  const human = mib >= 1 ? `${mib.toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
  return `${human} (${groupDigits(bytes)} bytes)`;
}

/** The refusal for a file over {@link MAX_PACK_BYTES}, or null when `byteLength` is within the limit. */
export function checkPackSize(byteLength: number): Diagnostic | null {
  if (byteLength <= MAX_PACK_BYTES) return null;
  return {
    message: `the file is ${describeByteSize(byteLength)}, over the limit of ${describeByteSize(MAX_PACK_BYTES)} for a pack: split it into smaller packs`,
  };
}

/** UTF-8 byte length of a string, stopping early once it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Turns CRLF and lone CR into LF so every reader sees one kind of line end. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Decodes a pack file. A string is taken as already decoded (a leading BOM is dropped); bytes must be
 * UTF-8 (with or without BOM) or UTF-16 with a BOM. Over-size input is refused before decoding.
 */
export function decodePackBytes(input: Uint8Array | string): DecodeResult {
  if (typeof input === 'string') {
    const size = input.length > MAX_PACK_BYTES / 3 ? utf8Length(input, MAX_PACK_BYTES) : input.length;
    const tooBig = checkPackSize(size);
    if (tooBig) return { ok: false, issue: tooBig };
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return finish(text, 'utf-8');
  }
  const tooBig = checkPackSize(input.length);
  if (tooBig) return { ok: false, issue: tooBig };
  const b0 = input[0];
  const b1 = input[1];
  if (b0 === 0xff && b1 === 0xfe && input[2] === 0 && input[3] === 0)
    return refuse('the file is UTF-32, which Lectern does not read: save it as UTF-8');
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const little = b0 === 0xff;
    if (input.length % 2 !== 0)
      return refuse('the file is UTF-16 but has an odd number of bytes: it is truncated');
    return finish(decodeUtf16(input, 2, little), little ? 'utf-16le' : 'utf-16be');
  }
  const start = b0 === 0xef && b1 === 0xbb && input[2] === 0xbf ? 3 : 0;
  const body = input.subarray(start);
  const nul = body.indexOf(0);
  if (nul !== -1) return { ok: false, issue: { message: NUL_MESSAGE, ...placeOfByte(body, nul) } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, issue: describeBadUtf8(body) };
  }
  return finish(text, 'utf-8');
}

const NUL_MESSAGE =
  'the file contains a NUL byte: it is probably UTF-16 without a byte-order mark, or not text at all; save it as UTF-8';

function refuse(message: string): DecodeResult {
  return { ok: false, issue: { message, line: 1, column: 1 } };
}

function finish(raw: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodeResult {
  const text = normalizeNewlines(raw);
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const column = nul - before.lastIndexOf('\n');
    return {
      ok: false,
      issue: {
        message: NUL_MESSAGE,
        line,
        column,
      },
    };
  }
  return { ok: true, text, encoding };
}

function decodeUtf16(bytes: Uint8Array, from: number, little: boolean): string {
  const units = new Uint16Array((bytes.length - from) >> 1);
  for (let i = 0, j = from; i < units.length; i++, j += 2) {
    const a = bytes[j] ?? 0;
    const b = bytes[j + 1] ?? 0;
    units[i] = little ? a | (b << 8) : (a << 8) | b;
  }
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192)
    parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts no valid sequence. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] ?? 0;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Line and column (in characters) of byte `index`, walking UTF-8 sequences from the start. */
function placeOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < index) {
    const len = utf8SequenceLength(bytes, i) || 1;
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if (!(bytes[i] === 0x0d && bytes[i + 1] === 0x0a)) column += len === 4 ? 2 : 1;
    i += len;
  }
  return { line, column };
}

function describeBadUtf8(bytes: Uint8Array): Diagnostic {
  let i = 0;
  while (i < bytes.length) {
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) break;
    i += len;
  }
  const hex = (bytes[i] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    message: `the file is not UTF-8: byte 0x${hex} cannot start a UTF-8 character (the file may be Windows-1252 or Latin-1); save it as UTF-8`,
    ...placeOfByte(bytes, i),
  };
}
