import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BackupTables,
  checksumText,
  createBackupWriter,
  createHasher,
  parseBackup,
  serializeBackup,
} from '../../../../renderer/src/core/backup';
import { makeCard, makePack, makeQuestion, makeReview } from '../stats/fixtures';

function sampleTables(): BackupTables {
  return {
    packs: [makePack('p')],
    questions: [makeQuestion('p', 'a', 'c1', 0), makeQuestion('p', 'b', 'c2', 1)],
    cards: [makeCard({ key: 'p:a', state: 2, stability: 3.25, lastReview: 5 }), makeCard({ key: 'p:b' })],
    reviews: [
      { ...makeReview({ at: 10, cardKey: 'p:a', response: '"$1B"' }), id: 1 },
      { ...makeReview({ at: 20, cardKey: 'p:a', rating: 1 }), id: 2 },
    ],
    reading: [
      { key: 'p:c1', packId: 'p', chapterId: 'c1', firstOpenedAt: 1, lastOpenedAt: 2, lastSection: 's1' },
    ],
    settings: [{ key: 'app', value: { theme: 'dark' } }],
    selftests: [
      {
        id: 1,
        packIds: ['p'],
        status: 'done',
        startedAt: 1,
        finishedAt: 2,
        score: 0.5,
        state: { any: ['json'] },
      },
    ],
  };
}
const META = { createdAt: 1_773_576_000_000, appVersion: '0.1.0' };
const TEXT = serializeBackup(sampleTables(), META);

function refused(text: string): string {
  const result = parseBackup(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.issues.map((i) => i.message).join('\n');
}

describe('backup file format', () => {
  it('round-trips the tables and reports the counts', () => {
    const result = parseBackup(TEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts).toEqual({
      packs: 1,
      questions: 2,
      cards: 2,
      reviews: 2,
      reading: 1,
      settings: 1,
      selftests: 1,
    });
    expect(result.backup.tables).toEqual(sampleTables());
    expect(result.backup).toMatchObject({
      format: 'lectern-backup',
      formatVersion: 1,
      createdAt: META.createdAt,
      app: { name: 'Lectern', version: '0.1.0' },
    });
    expect(serializeBackup(result.backup.tables, META)).toBe(TEXT);
  });

  it('accepts a byte-order mark and reformatted whitespace', () => {
    expect(parseBackup(`\uFEFF${TEXT}`).ok).toBe(true);
    expect(parseBackup(JSON.stringify(JSON.parse(TEXT), null, 4)).ok).toBe(true);
  });

  it('writes the same file whether a table is fed at once or in chunks', () => {
    const t = sampleTables();
    const w = createBackupWriter(META);
    w.addRows('packs', t.packs);
    w.addRows('questions', t.questions.slice(0, 1));
    w.addRows('questions', t.questions.slice(1));
    w.addRows('cards', t.cards);
    w.addRows('reviews', t.reviews);
    w.addRows('reading', t.reading);
    w.addRows('settings', t.settings);
    w.addRows('selftests', t.selftests);
    expect(w.finish()).toBe(TEXT);
    expect(() => w.addRows('packs', [])).toThrow(/in order/);
  });

  it('refuses every truncation of the file, calling it truncated once it is recognisably ours', () => {
    const end = TEXT.trimEnd().length;
    for (let cut = 0; cut < end; cut++) {
      const result = parseBackup(TEXT.slice(0, cut));
      expect(result.ok).toBe(false);
      if (cut > 40 && !result.ok) expect(result.issues[0]?.message).toMatch(/truncated/);
    }
  });

  it('refuses a file edited after it was written', () => {
    expect(refused(TEXT.replace('"rating":1', '"rating":4'))).toMatch(
      /reviews table does not match its checksum/,
    );
    expect(refused(TEXT.replace('"theme":"dark"', '"theme":"light"'))).toMatch(
      /settings table does not match/,
    );
  });

  it('refuses a file with a row removed, even when its count was fixed', () => {
    const data = JSON.parse(TEXT);
    data.tables.reviews.pop();
    expect(refused(JSON.stringify(data))).toMatch(/reviews table has 1 rows but the backup says 2/);
    data.counts.reviews = 1;
    expect(refused(JSON.stringify(data))).toMatch(/reviews table does not match its checksum/);
  });

  it('refuses files that are not ours, saying what they are', () => {
    expect(refused('')).toMatch(/empty/);
    expect(refused('hello world')).toMatch(/not a Lectern backup: the file is not JSON/);
    expect(refused('[1,2]')).toMatch(/not a Lectern backup/);
    expect(refused('{"a":1}')).toMatch(/"format" field is not "lectern-backup"/);
    expect(refused('{"format":"lectern-pack","formatVersion":1}')).toMatch(/Lectern pack, not a backup/);
    expect(refused(TEXT.replace('"formatVersion": 1', '"formatVersion": 2'))).toMatch(/newer Lectern/);
    expect(refused('{"format":"lectern-backup","formatVersion":1}')).toMatch(/header is damaged/);
  });

  it('refuses a damaged middle with a clear message', () => {
    const broken = TEXT.replace('"packs":[', '"packs":[,');
    expect(refused(broken)).toMatch(/damaged: it is no longer valid JSON/);
  });

  it('refuses malformed rows and duplicate keys with their place', () => {
    const t = sampleTables();
    (t.reviews[1] as { rating: number }).rating = 7;
    t.cards.push(makeCard({ key: 'p:a' }));
    const result = parseBackup(serializeBackup(t, META));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { message: 'Duplicate key "p:a" in cards (rows 0 and 2).', path: ['tables', 'cards', 2, 'key'] },
      expect.objectContaining({ path: ['tables', 'reviews', 1, 'rating'] }),
    ]);
  });

  it('refuses unknown fields and tables', () => {
    const t = sampleTables();
    (t.cards[0] as Record<string, unknown>).evil = 1;
    expect(refused(serializeBackup(t, META))).toMatch(/Invalid cards row/);
    const data = JSON.parse(TEXT);
    data.tables.extra = [];
    expect(refused(JSON.stringify(data))).toMatch(/Unknown table "extra"/);
  });

  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .jsonValue()
            .map((v) => JSON.stringify({ format: 'lectern-backup', formatVersion: 1, tables: v })),
        ),
        (text) => {
          expect(parseBackup(text).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
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
});
