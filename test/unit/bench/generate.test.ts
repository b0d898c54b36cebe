import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../renderer/src/core/formats';
import { validatePack } from '../../../renderer/src/core/pack';
import { makePeerTsv } from '../../bench/bench-files';
import { countChapters, generatePack, generatePackText } from '../../bench/generate';

describe('bench pack generator', () => {
  it('gives the same text for the same size and seed, and another text for another seed', () => {
    expect(generatePackText(300)).toBe(generatePackText(300));
    expect(generatePackText(300, { seed: 'other' })).not.toBe(generatePackText(300));
  });

  it('writes a valid pack of exactly n questions with all seven types and unique ids', () => {
    const pack = generatePack(1000);
    const result = validatePack(pack);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(pack.questions).toHaveLength(1000);
    expect(new Set(pack.questions.map((q) => q.id)).size).toBe(1000);
    expect(new Set(pack.questions.map((q) => q.type))).toEqual(
      new Set(['flashcard', 'multiple-choice', 'true-false', 'typed', 'cloze', 'matching', 'ordering']),
    );
    expect(pack.chapters).toHaveLength(countChapters(1000));
  });

  it('keeps question text at the length of real banks (a few hundred bytes a question)', () => {
    const bytes = generatePackText(2000).length / 2000;
    expect(bytes).toBeGreaterThan(250);
    expect(bytes).toBeLessThan(700);
  });

  it('reads back through the import reader for any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), (n) => {
        const read = readPackFile(`bench-${n}.json`, generatePackText(n));
        expect(read.ok ? read.pack.questions.length : read.issues).toBe(n);
      }),
      { numRuns: 25 },
    );
  });

  it("writes Mnemosyne's bench cards as a TSV that imports as n flashcards", () => {
    const read = readPackFile('mnemosyne-cards-50.tsv', makePeerTsv(50));
    expect(read.format).toBe('delimited');
    expect(read.ok && read.pack.questions.map((q) => q.type)).toEqual(Array(50).fill('flashcard'));
  });
});
