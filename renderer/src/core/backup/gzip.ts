/**
 * Backup files as bytes: format 3 is its text gzip-compressed, by the platform's own
 * `CompressionStream` / `DecompressionStream` (native zlib in Chromium's pages and workers, and in
 * Node 20), streamed so no side ever holds the whole file. Reading tells the formats apart by their
 * first bytes: gzip's magic number, or text (formats 1 and 2, or a hand-decompressed format 3).
 * Damage the decompressor finds (a file cut short, a changed byte) becomes a message naming the file
 * and what is wrong; gzip's own CRC-32 and the per-table checksums inside the text both guard it.
 */

/** Hands on the compressed file chunk by chunk (awaited one at a time). */
export type ByteSink = (chunk: Uint8Array) => Promise<void>;

/** Compresses a backup's text, fed piece by piece, into one gzip file. */
export interface GzipWriter {
  /** Compresses the next text (waits while the sink is busy: at most one chunk is held back). */
  write(text: string): Promise<void>;
  /** Ends the file and hands on the rest. */
  finish(): Promise<void>;
}

/** Compressed bytes handed on per chunk (the last one may be shorter). */
export const GZIP_CHUNK_BYTES = 1 << 20;

/** Creates a gzip writer handing compressed chunks of about `chunkBytes` to `sink`. */
export function createGzipWriter(sink: ByteSink, chunkBytes = GZIP_CHUNK_BYTES): GzipWriter {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const encoder = new TextEncoder();
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let failure: unknown = null;

  /** Hands on whole chunks of `chunkBytes` (and, with `all`, what is left). */
  const flush = async (all: boolean) => {
    if (heldBytes === 0 || (!all && heldBytes < chunkBytes)) return;
    const bytes = concatBytes(held, heldBytes);
    let at = 0;
    while (bytes.length - at >= chunkBytes || (all && at < bytes.length)) {
      const end = Math.min(bytes.length, at + chunkBytes);
      await sink(bytes.subarray(at, end));
      at = end;
    }
    held = at < bytes.length ? [bytes.subarray(at)] : [];
    heldBytes = bytes.length - at;
  };
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      held.push(value);
      heldBytes += value.length;
      await flush(false);
    }
    await flush(true);
  })();
  pump.catch((err: unknown) => {
    failure ??= err;
    // A sink that failed stops the compressor: the next write rejects instead of waiting forever.
    reader.cancel(err).catch(() => {});
  });
  const check = () => {
    if (failure !== null) throw failure;
  };

  return {
    async write(text) {
      check();
      if (!text) return;
      try {
        await writer.write(encoder.encode(text));
      } catch (err) {
        throw failure ?? err;
      }
      check();
    },
    async finish() {
      check();
      try {
        await writer.close();
      } catch (err) {
        throw failure ?? err;
      }
      await pump;
    },
  };
}

/** A backup file that cannot be decoded: the message names it and says what is wrong. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/** Turns a backup file's bytes, fed in parts, into its text. */
export interface BackupBytesDecoder {
  /** Decodes the next bytes; the text they complete (possibly ''). Rejects with a `BackupFileError`. */
  push(bytes: Uint8Array): Promise<string>;
  /** The file has no more bytes: the rest of its text. Rejects with a `BackupFileError`. */
  end(): Promise<string>;
  /** Whether the file is gzip-compressed (known after its first two bytes). */
  readonly compressed: boolean | null;
}

/** 1,234,567 */
function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

function detailOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^(TypeError|Error):\s*/, '').replace(/\.$/, '');
}

/** Creates a decoder for the file called `name` (how messages name it). */
export function createBackupDecoder(name: string): BackupBytesDecoder {
  let compressed: boolean | null = null;
  let head: Uint8Array | null = null;
  let position = 0;
  const text = new TextDecoder('utf-8', { fatal: true });
  // gzip: the decompressor, and the text it has given so far.
  let writer: WritableStreamDefaultWriter<BufferSource> | null = null;
  let pump: Promise<void> | null = null;
  let out: string[] = [];
  let damage: BackupFileError | null = null;

  const notText = (start: number, end: number) =>
    new BackupFileError(`${name} is not UTF-8 text (bytes ${start}–${end}): it is not a Lectern backup`);
  const corrupt = (err: unknown, start: number, end: number) =>
    new BackupFileError(
      `${name} is damaged: its compressed data is corrupt in bytes ${thousands(start)}–${thousands(end)} (${detailOf(err)}). It cannot be read.`,
    );

  function startGzip(): void {
    const stream = new DecompressionStream('gzip');
    writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    pump = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        try {
          out.push(text.decode(value, { stream: true }));
        } catch {
          damage ??= new BackupFileError(
            `${name} is damaged: its decompressed contents are not UTF-8 text. It cannot be read.`,
          );
          throw damage;
        }
      }
    })();
    pump.catch(() => {}); // reported by push or end
  }

  const take = () => {
    const s = out.length === 1 ? (out[0] as string) : out.join('');
    out = [];
    return s;
  };

  async function feed(bytes: Uint8Array, start: number): Promise<string> {
    if (compressed === false) {
      try {
        return text.decode(bytes, { stream: true });
      } catch {
        throw notText(start, start + bytes.length);
      }
    }
    try {
      await (writer as WritableStreamDefaultWriter<BufferSource>).write(bytes as BufferSource);
    } catch (err) {
      throw damage ?? corrupt(err, start, start + bytes.length);
    }
    if (damage) throw damage;
    return take();
  }

  return {
    get compressed() {
      return compressed;
    },
    async push(bytes) {
      if (bytes.length === 0) return '';
      const start = position;
      position += bytes.length;
      if (compressed === null) {
        const joined = head ? concatBytes([head, bytes], head.length + bytes.length) : bytes;
        if (joined.length < 2) {
          head = joined;
          return '';
        }
        head = null;
        compressed = joined[0] === 0x1f && joined[1] === 0x8b;
        if (compressed) startGzip();
        return feed(joined, position - joined.length);
      }
      return feed(bytes, start);
    },
    async end() {
      if (compressed === null) {
        compressed = false;
        const rest = head ?? new Uint8Array(0);
        head = null;
        const s = await feed(rest, position - rest.length);
        return s + finishText();
      }
      if (!compressed) return finishText();
      try {
        await (writer as WritableStreamDefaultWriter<BufferSource>).close();
        await pump;
      } catch (err) {
        if (damage) throw damage;
        if (/truncat|unexpected end/i.test(detailOf(err)))
          throw new BackupFileError(
            `${name} is cut short: its compressed data ends at byte ${thousands(position)}, before the backup does — an interrupted copy or a full disk? It cannot be read.`,
          );
        throw new BackupFileError(
          `${name} is damaged: its compressed data is corrupt (${detailOf(err)}). It cannot be read.`,
        );
      }
      return take() + finishText();
    },
  };

  function finishText(): string {
    try {
      return text.decode();
    } catch {
      throw compressed
        ? new BackupFileError(`${name} is damaged: its decompressed contents end inside a character.`)
        : notText(position, position);
    }
  }
}

function concatBytes(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes as base64 (how compressed parts cross IPC, whose payloads stay plain JSON). */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP)
    pieces.push(String.fromCharCode.apply(null, bytes.subarray(i, i + STEP) as unknown as number[]));
  return btoa(pieces.join(''));
}

/** The bytes of a base64 text. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
