import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_TABLES,
  type BackupTables,
  checksumText,
  createBackupReader,
  createBackupWriter,
  createHasher,
  readBackupText,
  serializeBackup,
} from '../../../../renderer/src/core/backup';
import { makeCard } from '../stats/fixtures';
import { sampleTables as compactTables, META, readAccepted, refusal } from './fixtures';
import { serializeV1Backup, V1_TABLES } from './v1-writer';

/** These tests read format 2 files (what Lectern wrote before format 3); format-v3.test.ts reads 3. */
const V2 = { formatVersion: 2 } as const;
/**
 * The sample tables as a format 2 file held them: review rows of schemas 1–4 (numeric ids, the pack and
 * chapter, the answer as JSON text and the card before the answer), not schema 5's compact rows.
 */
function sampleTables(): BackupTables {
  const t = compactTables();
  const cards = new Map(t.cards.map((c) => [c.key, c]));
  const reviews = t.reviews.map((r, i) => {
    const card = cards.get(r.cardKey) ?? t.cards[0];
    if (!card) throw new Error('the sample needs a card');
    return {
      id: i + 1,
      cardKey: r.cardKey,
      packId: card.packId,
      chapterId: card.chapterId,
      at: r.at,
      rating: r.rating,
      score: r.score,
      correct: r.correct,
      response: r.response ?? '""',
      responseMs: r.responseMs,
      stateBefore: r.stateBefore,
      prev: card,
      dueAfter: r.dueAfter,
    };
  });
  return { ...t, reviews } as unknown as BackupTables;
}
const TEXT = serializeBackup(sampleTables(), META, V2);
const V1_FIXTURE = readFileSync(new URL('../../../fixtures/backups/v1-backup.json', import.meta.url), 'utf8');

/** Reads `text` fed in the given parts. */
function readInParts(parts: string[]) {
  const reader = createBackupReader({ keepRows: true });
  for (const p of parts) reader.push(p);
  reader.end();
  const rows: Record<string, unknown[]> = {};
  for (const b of reader.takeRows()) rows[b.table] = [...(rows[b.table] ?? []), ...b.rows];
  return { result: reader.result(), rows };
}

describe('backup file format 2', () => {
  it('round-trips every table and says who wrote it', () => {
    const result = readAccepted(TEXT);
    expect(result.origin).toEqual({
      formatVersion: 2,
      createdAt: META.createdAt,
      app: { name: 'Lectern', version: '0.1.0' },
    });
    expect(result.counts).toEqual({
      packs: 1,
      questionChunks: 1,
      cards: 2,
      reading: 1,
      settings: 1,
      selftests: 1,
      reviews: 2,
    });
    expect(result.tables).toEqual(sampleTables());
    expect(serializeBackup(result.tables as never, META, V2)).toBe(TEXT);
  });

  it('is one JSON document with a row per line, the review log last and the counts after the rows', () => {
    const doc = JSON.parse(TEXT);
    expect(Object.keys(doc)).toEqual([
      'format',
      'formatVersion',
      'createdAt',
      'app',
      'checksumAlgorithm',
      'tables',
      'counts',
      'checksums',
    ]);
    expect(Object.keys(doc.tables)).toEqual([...BACKUP_TABLES]);
    const lines = TEXT.split('\n');
    const firstReview = lines.indexOf('"reviews":[') + 1;
    expect(JSON.parse(lines[firstReview]?.replace(/,$/, '') ?? '')).toEqual(sampleTables().reviews[0]);
  });

  it('reads the same whatever the parts the text comes in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: TEXT.length }), { maxLength: 30 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const parts = [0, ...at].map((from, i) => TEXT.slice(from, at[i] ?? TEXT.length));
        const { result, rows } = readInParts(parts);
        expect(result.ok).toBe(true);
        expect(rows).toEqual(sampleTables());
      }),
      { numRuns: 200 },
    );
  });

  it('writes the same file whether a table is fed at once or in several calls', () => {
    const t = sampleTables();
    const out: string[] = [];
    const w = createBackupWriter(META, (s) => out.push(s), V2);
    w.addRows('packs', t.packs);
    w.addRows('cards', t.cards.slice(0, 1)); // questionChunks skipped: written empty
    w.addRows('cards', t.cards.slice(1));
    w.finish();
    expect(readAccepted(out.join('')).tables).toEqual({
      ...Object.fromEntries(BACKUP_TABLES.map((name) => [name, []])),
      packs: t.packs,
      cards: t.cards,
    });
    const again = createBackupWriter(META, () => {}, V2);
    again.addRows('cards', []);
    expect(() => again.addRows('packs', [])).toThrow(/in order/);
  });

  it('accepts a byte-order mark and other line ends, and refuses a row re-spaced by an editor as changed', () => {
    expect(readBackupText(`\uFEFF${TEXT}`).ok).toBe(true);
    expect(readBackupText(TEXT.replaceAll('\n', '\r\n')).ok).toBe(true);
    expect(refusal(JSON.stringify(JSON.parse(TEXT), null, 2))).toMatch(
      /packs table does not match its checksum/,
    );
  });

  it('refuses truncations anywhere, calling them truncated once the file is recognisably ours', () => {
    const end = TEXT.trimEnd().length;
    // Every cut near the start, the end and each line break, and every 7th one elsewhere.
    const near = (i: number) => /\n/.test(TEXT.slice(Math.max(0, i - 2), i + 3));
    for (let cut = 0; cut < end; cut++) {
      if (cut > 200 && cut < end - 200 && cut % 7 !== 0 && !near(cut)) continue;
      const message = refusal(TEXT.slice(0, cut));
      expect(message).not.toBe('');
      if (cut > 30) expect(message).toMatch(/truncated/);
    }
  });

  it('says where a truncated file ends', () => {
    const cut = TEXT.slice(0, TEXT.indexOf('"at":20'));
    expect(refusal(cut)).toMatch(
      /truncated: it ends at line \d+ \(in the reviews table, after row 1\) before the data does — .*Nothing was restored/,
    );
  });

  it('refuses a file edited after it was written, naming the table', () => {
    expect(refusal(TEXT.replace('"rating":1', '"rating":4'))).toMatch(
      /reviews table does not match its checksum/,
    );
    expect(refusal(TEXT.replace('"theme":"dark"', '"theme":"light"'))).toMatch(
      /settings table does not match/,
    );
  });

  it('refuses a file with a row removed, even when its count was fixed', () => {
    const data = JSON.parse(TEXT);
    data.tables.reviews.pop();
    expect(refusal(JSON.stringify(data))).toMatch(/reviews table has 1 rows but the backup says 2/);
    data.counts.reviews = 1;
    expect(refusal(JSON.stringify(data))).toMatch(/reviews table does not match its checksum/);
  });

  it('refuses a file without its closing counts and checksums', () => {
    const data = JSON.parse(TEXT);
    delete data.checksums;
    expect(refusal(JSON.stringify(data))).toMatch(/header is damaged/);
  });

  it('refuses files that are not ours, saying what they are', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('   \n')).toMatch(/empty/);
    expect(refusal('hello world')).toMatch(/not a Lectern backup: the file is not a JSON object/);
    expect(refusal('[1,2]')).toMatch(/not a Lectern backup/);
    expect(refusal('{"a":1}')).toMatch(/no "format": "lectern-backup"/);
    expect(refusal('{"format":"lectern-pack","formatVersion":1,"questions":[]}')).toMatch(
      /Lectern pack, not a backup/,
    );
    expect(refusal(TEXT.replace('"formatVersion":2', '"formatVersion":5'))).toMatch(/newer Lectern/);
    expect(refusal('{"format":"lectern-backup","formatVersion":2}')).toMatch(/header is damaged/);
    expect(refusal('{"format":"lectern-backup","tables":{"packs":[]}}')).toMatch(
      /"formatVersion" does not come before/,
    );
    expect(refusal('{"tables":{"packs":[]},"format":"lectern-backup"}')).toMatch(/not a Lectern backup/);
  });

  it('refuses a damaged middle, naming the line, the table and the row', () => {
    const broken = TEXT.replace('"at":20', '"at":20,,');
    const line = TEXT.slice(0, TEXT.indexOf('"at":20')).split('\n').length;
    expect(refusal(broken)).toMatch(
      new RegExp(
        `damaged at line ${line}, column 1 \\(in the reviews table, after row 1\\): this row is not valid JSON`,
      ),
    );
    expect(refusal(TEXT.replace('"packs":[', '"packs":[,'))).toMatch(
      /damaged at line 2, column 10 \(in the packs table, before its first row\)/,
    );
    expect(refusal(TEXT.replace('\n]', '\n]]'))).toMatch(/expected "," or "}"/);
    expect(refusal(`${TEXT}x`)).toMatch(/after the end of the document/);
  });

  it('refuses malformed rows and duplicate keys with their place', () => {
    const t = sampleTables();
    (t.reviews[1] as { rating: number }).rating = 7;
    t.cards.push(makeCard({ key: 'p:a' }));
    const result = readBackupText(serializeBackup(t, META, V2));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        message: 'Duplicate key "p:a" in cards (rows 1 and 3).',
        path: ['tables', 'cards', 2, 'key'],
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^Invalid reviews row 2/),
        path: ['tables', 'reviews', 1, 'rating'],
      }),
    ]);
    expect(result.issues[0]?.line).toBeGreaterThan(1);
  });

  it('refuses a forged backup whose checksums are right but whose question has no choices, naming the row (issue 19)', () => {
    const t = sampleTables();
    const item = t.questionChunks[0]?.items[0] as { question: Record<string, unknown>; type: string };
    item.type = 'multiple-choice';
    item.question = { id: 'a', section: 's1', type: 'multiple-choice', prompt: 'Which?' };
    const result = readBackupText(serializeBackup(t, META, V2));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({
      message: expect.stringMatching(/^Invalid questionChunks row 1/),
      path: ['tables', 'questionChunks', 0, 'items', 0, 'question', 'choices'],
    });
    expect(result.issues[0]?.line).toBeGreaterThan(1);
  });

  it('refuses a forged backup with a card outside FSRS bounds (stability -1, difficulty 1e300) (issue 19)', () => {
    for (const [field, value] of [
      ['stability', -1],
      ['difficulty', 1e300],
      ['stability', 1e9],
      ['reps', -3],
    ] as const) {
      const t = sampleTables();
      (t.cards[0] as unknown as Record<string, number>)[field] = value;
      const result = readBackupText(serializeBackup(t, META, V2));
      expect(result.ok, `${field} ${value}`).toBe(false);
      if (result.ok) continue;
      expect(result.issues[0]).toMatchObject({ path: ['tables', 'cards', 0, field] });
    }
  });

  it('refuses a forged pack row whose chapters are not chapters, and a question that is not its row (issue 19)', () => {
    const t = sampleTables();
    (t.packs[0] as unknown as Record<string, unknown>).chapters = { c1: 'x' };
    expect(refusal(serializeBackup(t, META, V2))).toMatch(/^Invalid packs row 1/);
    const u = sampleTables();
    const item = u.questionChunks[0]?.items[1] as { id: string };
    item.id = 'other';
    expect(refusal(serializeBackup(u, META, V2))).toMatch(/question's id, type and section differ/);
  });

  it('refuses unknown fields and tables, and a table written twice', () => {
    const t = sampleTables();
    (t.cards[0] as Record<string, unknown>).evil = 1;
    expect(refusal(serializeBackup(t, META, V2))).toMatch(/Invalid cards row 1/);
    const data = JSON.parse(TEXT);
    data.tables.extra = [];
    expect(refusal(JSON.stringify(data))).toMatch(/Unknown table "extra"/);
    expect(refusal(TEXT.replace('"cards":[', '"cards":[],"cards":['))).toMatch(/cards table appears twice/);
  });

  it('gives no rows once the file is refused', () => {
    const reader = createBackupReader({ keepRows: true });
    reader.push(TEXT.replace('"theme":"dark"', '"theme":7,"x":1'));
    reader.end();
    expect(reader.refused).toBe(true);
    expect(reader.takeRows()).toEqual([]);
  });

  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .jsonValue()
            .map((v) => JSON.stringify({ format: 'lectern-backup', formatVersion: 2, tables: v })),
          fc
            .jsonValue()
            .map((v) => JSON.stringify({ format: 'lectern-backup', formatVersion: 1, tables: { packs: v } })),
        ),
        (text) => {
          expect(readBackupText(text).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('backup file format 1 (written before database schema 2)', () => {
  it('reads a file the previous Lectern wrote, rows as they are', () => {
    const result = readAccepted(V1_FIXTURE);
    expect(result.origin.formatVersion).toBe(1);
    expect(result.counts).toEqual({
      packs: 1,
      questions: 8,
      cards: 8,
      reviews: 5,
      reading: 1,
      settings: 1,
      selftests: 1,
    });
    expect(result.tables).toEqual(JSON.parse(V1_FIXTURE).tables);
  });

  it('reads a version 1 file in any parts and refuses it edited or cut', () => {
    const { result } = readInParts(V1_FIXTURE.match(/[\s\S]{1,97}/g) ?? []);
    expect(result.ok).toBe(true);
    expect(refusal(V1_FIXTURE.replace('"rating":3', '"rating":2'))).toMatch(
      /reviews table does not match its checksum/,
    );
    expect(refusal(V1_FIXTURE.slice(0, V1_FIXTURE.indexOf('"reading":[')))).toMatch(
      /truncated.* \(after the reviews table\)/,
    );
    expect(
      refusal(V1_FIXTURE.slice(0, V1_FIXTURE.indexOf('"at":1772', V1_FIXTURE.indexOf('"reviews":[')))),
    ).toMatch(/truncated.* \(in the reviews table, before its first row\)/);
    expect(refusal(V1_FIXTURE.replace('"formatVersion": 1', '"formatVersion": 2'))).toMatch(
      /Unknown table "questions"/,
    );
  });

  it('refuses version 2 rows in a version 1 file', () => {
    const t = sampleTables();
    const v1 = Object.fromEntries(V1_TABLES.map((n) => [n, []])) as unknown as Record<
      (typeof V1_TABLES)[number],
      unknown[]
    >;
    v1.packs = t.packs; // with chapter counts, which version 1 did not have
    expect(refusal(serializeV1Backup(v1, META))).toMatch(/Invalid packs row 1/);
  });
});

describe('checksum', () => {
  it('is the same fed at once or in pieces, and differs on a one-character change', () => {
    const h = createHasher();
    h.update('hello ');
    h.update('world');
    expect(h.digest()).toBe(checksumText('hello world'));
    expect(checksumText('hello world')).not.toBe(checksumText('hello worle'));
    expect(checksumText('ab')).not.toBe(checksumText('ba'));
    expect(checksumText('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps the checksums files already hold (the algorithm is part of the backup and sync formats)', () => {
    expect(checksumText('')).toBe('488bdcb81aee8d83');
    expect(checksumText('hello world')).toBe('da67ee98903f438d');
    expect(checksumText('Lectern é ☃ 𝄞')).toBe('cd3918bff3d2efde');
    const h = createHasher();
    h.update('Lectern é ');
    h.update('☃ 𝄞');
    expect(h.digest()).toBe('cd3918bff3d2efde');
  });

  it('gives the digests every earlier version wrote (their backups must still verify)', () => {
    // Computed by the first implementation (before its loop was rewritten for speed).
    expect(checksumText('')).toBe('488bdcb81aee8d83');
    expect(checksumText('abc')).toBe('f1169a9bf482ed4c');
    expect(checksumText('Ωé😀\n')).toBe('e892fca43d799e27');
    expect(checksumText('x'.repeat(1000))).toBe('293da5faf78b3363');
  });
});
