/** Backup format 3: rows as arrays under columns named in the header, the text gzip-compressed. */
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_COLUMNS,
  BackupFileError,
  base64ToBytes,
  bytesToBase64,
  createBackupDecoder,
  createGzipWriter,
  readBackupText,
  serializeBackup,
} from '../../../../renderer/src/core/backup';
import { META, readAccepted, refusal, sampleTables } from './fixtures';

const V3 = { formatVersion: 3 } as const;
const TEXT = serializeBackup(sampleTables(), META, V3);

/** Compresses `text` with the app's writer, in pieces, into chunks of at most `chunkBytes`. */
async function compress(text: string, pieces = 1, chunkBytes?: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const gzip = createGzipWriter(async (c) => void chunks.push(c.slice()), chunkBytes);
  const size = Math.ceil(text.length / pieces);
  for (let at = 0; at < text.length; at += size) await gzip.write(text.slice(at, at + size));
  await gzip.finish();
  return chunks;
}

function join(chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(chunks));
}

/** Decodes `bytes` fed in parts cut at `cuts`, as the sources do. */
async function decode(bytes: Uint8Array, cuts: number[] = [], name = 'b.json'): Promise<string> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = createBackupDecoder(name);
  let out = '';
  let from = 0;
  for (const to of [...at, bytes.length]) {
    out += await decoder.push(bytes.subarray(from, to));
    from = to;
  }
  return out + (await decoder.end());
}

/** The message a decoding fails with ('' if it does not). */
async function failure(bytes: Uint8Array, name = 'b.json'): Promise<string> {
  try {
    await decode(bytes, [], name);
    return '';
  } catch (err) {
    expect(err).toBeInstanceOf(BackupFileError);
    return (err as Error).message;
  }
}

describe('backup file format 3', () => {
  it('round-trips every table, rows written as arrays under the columns its header names', () => {
    const result = readAccepted(TEXT);
    expect(result.origin.formatVersion).toBe(3);
    expect(result.tables).toEqual(sampleTables());
    expect(serializeBackup(result.tables as never, META, V3)).toBe(TEXT);
    const doc = JSON.parse(TEXT);
    expect(Object.keys(doc.columns)).toEqual(Object.keys(BACKUP_COLUMNS));
    expect(doc.columns.reviews).toContain('cardKey');
    expect(Array.isArray(doc.tables.reviews[0])).toBe(true);
    expect(Array.isArray(doc.tables.cards[0])).toBe(true);
    // settings' value may be anything (null or absent alike): its rows stay objects.
    expect(doc.columns.settings).toBeUndefined();
    expect(doc.tables.settings[0]).toEqual({ key: 'app', value: { theme: 'dark' } });
  });

  it('writes flat rows (the card table) in about half the text of format 2', () => {
    const t = sampleTables();
    const v2 = serializeBackup(t, META, { formatVersion: 2 });
    const cardsOf = (text: string) =>
      text.slice(text.lastIndexOf('"cards":['), text.lastIndexOf('"reading":['));
    expect(cardsOf(TEXT).length).toBeLessThan(cardsOf(v2).length * 0.55);
  });

  it('keeps optional fields left out, and nullable ones null', () => {
    const t = sampleTables();
    t.reading.push({ key: 'p:c2', packId: 'p', chapterId: 'c2', firstOpenedAt: 3, lastOpenedAt: 4 });
    t.cards.push({ ...t.cards[0], key: 'p:c', lastReview: null } as never);
    const back = readAccepted(serializeBackup(t, META, V3)).tables;
    expect(back.reading).toEqual(t.reading);
    const reading = (back.reading ?? [])[1] as object;
    expect('lastSection' in reading).toBe(false);
    expect(((back.cards ?? [])[2] as { lastReview: unknown }).lastReview).toBeNull();
  });

  it('writes a row its columns cannot hold as an object, so the reader refuses it as format 2 did', () => {
    const t = sampleTables();
    (t.reading[0] as Record<string, unknown>).extra = 1;
    expect(refusal(serializeBackup(t, META, V3))).toMatch(/Invalid reading row 1/);
    const u = sampleTables();
    (u.cards[0] as Record<string, unknown>).due = null;
    expect(refusal(serializeBackup(u, META, V3))).toMatch(/Invalid cards row 1/);
  });

  it('refuses an array row of the wrong length or with a wrong value, naming the row', () => {
    const short = TEXT.replace(/\n\["p:a",/, '\n["p:a","extra",');
    expect(refusal(short)).toMatch(/Invalid cards row 1/);
    expect(refusal(TEXT.replace('"p:a","p","c1",0,2,', '"p:a","p","c1",0,9,'))).toMatch(
      /Invalid cards row 1|cards table does not match/,
    );
  });

  it('refuses a format 5 file as newer', () => {
    expect(refusal(TEXT.replace('"formatVersion":3', '"formatVersion":5'))).toMatch(/newer Lectern/);
  });
});

describe('gzip: writing and reading a backup as bytes', () => {
  it('compresses in bounded chunks that gunzip to the text, and decodes whatever the cuts', async () => {
    const chunks = await compress(TEXT, 7, 64);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(64);
    const bytes = join(chunks);
    expect(gunzipSync(bytes).toString('utf8')).toBe(TEXT);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        expect(await decode(bytes, cuts)).toBe(TEXT);
      }),
      { numRuns: 60 },
    );
    expect(readBackupText(await decode(bytes)).ok).toBe(true);
  });

  it('reads text files (formats 1 and 2) as they are, and gzip written by other tools', async () => {
    const v2 = serializeBackup(sampleTables(), META, { formatVersion: 2 });
    expect(await decode(new TextEncoder().encode(v2), [1, 2, 500])).toBe(v2);
    expect(await decode(gzipSync(Buffer.from(v2)), [1, 3])).toBe(v2);
    expect(await decode(new Uint8Array(0))).toBe('');
    expect(await decode(new Uint8Array([0x7b]))).toBe('{');
  });

  it('refuses a gzip backup cut short, saying so and naming the file', async () => {
    const bytes = join(await compress(TEXT));
    for (const cut of [10, bytes.length >> 1, bytes.length - 4])
      expect(await failure(bytes.subarray(0, cut), 'lectern-backup-x.json')).toMatch(
        /^lectern-backup-x\.json is cut short: its compressed data ends at byte [\d,]+, before the backup does/,
      );
  });

  it('refuses a gzip backup with a changed byte (the data or its CRC), naming the file', async () => {
    const bytes = join(await compress(TEXT));
    for (const at of [20, bytes.length >> 1, bytes.length - 6]) {
      const flipped = bytes.slice();
      flipped[at] = (flipped[at] as number) ^ 0x5a;
      expect(await failure(flipped, 'mine.json')).toMatch(/^mine\.json is damaged: its (de)?compressed/);
    }
    const junk = new Uint8Array(Buffer.concat([bytes, Buffer.from('junk')]));
    expect(await failure(junk, 'mine.json')).toMatch(/^mine\.json is damaged/);
  });

  it('refuses text that is not UTF-8, saying where', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0xe9, 0x22, 0x7d]);
    expect(await failure(bytes, 'latin1.json')).toMatch(
      /^latin1\.json is not UTF-8 text \(bytes 0–6\): it is not a Lectern backup/,
    );
  });

  it('stops compressing when the sink fails: the next write rejects with its error', async () => {
    let calls = 0;
    const gzip = createGzipWriter(async () => {
      calls++;
      throw new Error('the disk is full');
    }, 16);
    await expect(
      (async () => {
        for (let i = 0; i < 200; i++) await gzip.write(`${'x'.repeat(100)}${i}${Math.random()}\n`);
        await gzip.finish();
      })(),
    ).rejects.toThrow(/the disk is full/);
    expect(calls).toBe(1);
  });

  it('carries bytes through base64 unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});
