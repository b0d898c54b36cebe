import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packToGift,
  readAiken,
  readDelimited,
  readGift,
  readPackFile,
} from '../../../../renderer/src/core/formats';
import {
  type Pack,
  type PackResult,
  parsePackJson,
  type Question,
  validatePack,
} from '../../../../renderer/src/core/pack';

import { giftFile, giftText, packArb, raw } from './arbitraries';

function everyOutcome(result: PackResult<Pack>): void {
  if (result.ok) expect(validatePack(result.pack).ok).toBe(true);
  else expect(result.issues.length).toBeGreaterThan(0);
}

describe('readers never throw', () => {
  const readers: [string, (s: string) => PackResult<Pack>][] = [
    ['gift', (s) => readGift(s)],
    ['aiken', (s) => readAiken(s)],
    ['delimited csv', (s) => readDelimited(s, { fileName: 'x.csv' })],
    ['delimited txt', (s) => readDelimited(s, { fileName: 'x.txt' })],
    ['json', (s) => parsePackJson(s)],
  ];
  for (const [name, read] of readers) {
    it(`${name}: on arbitrary text, and only returns packs that validate`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 200 }),
            raw,
            fc.array(raw, { maxLength: 8 }).map((l) => l.join('\n')),
          ),
          (s) => {
            everyOutcome(read(s));
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('readPackFile: on arbitrary bytes and names', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom('a.gift', 'a.json', 'a.csv', 'a.tsv', 'a.txt', 'noext'),
        (bytes, name) => {
          const result = readPackFile(name, bytes);
          everyOutcome(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('readPackFile: on GIFT-shaped text built from GIFT pieces', () => {
    fc.assert(
      fc.property(giftText, (gift) => {
        everyOutcome(readPackFile('a.gift', gift));
      }),
      { numRuns: 1000 },
    );
  });
});

function byId(questions: readonly Question[]): Question[] {
  return [...questions].sort((x, y) => (x.id < y.id ? -1 : 1));
}

describe('round trips keep every question GIFT can express', () => {
  it('GIFT → JSON → GIFT → JSON gives the same pack', () => {
    let read = 0;
    fc.assert(
      fc.property(giftFile, (gift) => {
        const first = readGift(gift, { fileName: 'a.gift' });
        fc.pre(first.ok);
        if (!first.ok) return;
        read++;
        const again = readGift(packToGift(first.pack), { fileName: 'b.gift' });
        if (!again.ok) throw new Error(JSON.stringify(again.issues));
        const { questions: q1, ...rest1 } = first.pack;
        const { questions: q2, ...rest2 } = again.pack;
        expect(byId(q2)).toEqual(byId(q1));
        expect(rest2).toEqual(rest1);
      }),
      { numRuns: 500 },
    );
    // The generator must mostly produce readable files, or this property says little.
    expect(read).toBeGreaterThan(250);
  });

  it('JSON → JSON', () => {
    fc.assert(
      fc.property(packArb, (input) => {
        const first = validatePack(input);
        fc.pre(first.ok);
        if (!first.ok) return;
        const again = parsePackJson(JSON.stringify(first.pack, null, 2));
        expect(again).toEqual({ ok: true, pack: first.pack, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('JSON → GIFT → JSON: ids, types, prompts, answers, explanations, sections and metadata', () => {
    fc.assert(
      fc.property(packArb, (input) => {
        const first = validatePack(input);
        fc.pre(first.ok);
        if (!first.ok) return;
        const gift = packToGift(first.pack);
        const back = readGift(gift, { fileName: 'other-name.gift' });
        if (!back.ok) throw new Error(`${JSON.stringify(back.issues)}\n${gift}`);
        expect(back.warnings).toEqual([]);
        const { questions: q1, ...rest1 } = first.pack;
        const { questions: q2, ...rest2 } = back.pack;
        expect(byId(q2)).toEqual(byId(q1));
        expect(rest2).toEqual(rest1);
      }),
      { numRuns: 300 },
    );
  });
});
