import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBackupReader,
  createBackupWriter,
  createPartSplitter,
} from '../../../../renderer/src/core/backup';
import { makeCard, makeReview } from '../stats/fixtures';
import { META, sampleTables } from './fixtures';

function split(pieces: string[], max: number): string[] {
  const parts: string[] = [];
  const splitter = createPartSplitter(max, (p) => parts.push(p));
  for (const p of pieces) splitter.write(p);
  splitter.flush();
  return parts;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe('createPartSplitter', () => {
  it('cuts any text into parts of at most the limit that join back to it, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\n', '"') }), { maxLength: 20 }),
        fc.integer({ min: 2, max: 40 }),
        (pieces, max) => {
          const parts = split(pieces, max);
          expect(parts.join('')).toBe(pieces.join(''));
          parts.forEach((part, i) => {
            expect(part.length).toBeGreaterThan(0);
            expect(part.length).toBeLessThanOrEqual(max);
            if (i < parts.length - 1) expect(part.length).toBeGreaterThanOrEqual(max - 1);
            expect(isHigh(part.charCodeAt(part.length - 1))).toBe(false);
            expect(isLow(part.charCodeAt(0))).toBe(false);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a limit that could not make progress', () => {
    expect(() => createPartSplitter(1, () => {})).toThrow(/at least 2/);
  });
});

describe('a large backup in parts', () => {
  it('writes 200,000 reviews as bounded parts that read back, never holding the file as one string', () => {
    const N = 200_000;
    const PART = 1 << 20;
    const parts: string[] = [];
    let largest = 0;
    let total = 0;
    const splitter = createPartSplitter(PART, (p) => {
      largest = Math.max(largest, p.length);
      total += p.length;
      parts.push(p);
    });
    const writer = createBackupWriter(META, (t) => splitter.write(t));
    const t = sampleTables();
    writer.addRows('packs', t.packs);
    writer.addRows('questionChunks', t.questionChunks);
    writer.addRows('cards', t.cards);
    const prev = makeCard({
      key: 'p:a',
      state: 2,
      stability: 12.5,
      difficulty: 5.25,
      reps: 4,
      lastReview: 1,
    });
    for (let from = 0; from < N; from += 5000) {
      const rows = [];
      for (let id = from + 1; id <= from + 5000; id++)
        rows.push({
          ...makeReview({ at: 1_700_000_000_000 + id * 60_000, cardKey: 'p:a' }),
          response: JSON.stringify(prev),
        });
      writer.addRows('reviews', rows);
    }
    expect(writer.finish()).toMatchObject({ reviews: N, packs: 1 });
    splitter.flush();

    expect(largest).toBeLessThanOrEqual(PART);
    expect(total).toBeGreaterThan(50 * PART); // ~60 MB of text (reviews in blocks): well past any one part
    expect(parts.length).toBe(Math.ceil(total / PART));

    const reader = createBackupReader();
    for (const p of parts) reader.push(p);
    reader.end();
    const result = reader.result();
    expect(result.ok && result.counts).toMatchObject({ reviews: N, packs: 1, cards: 2 });
  }, 60_000);
});
