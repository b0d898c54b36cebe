import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashHex, hashString53 } from '../../../../renderer/src/core/pack/hash';

// The hashes are stored (pack content hashes, ids derived from text): their values must never change.
const hex13 = (h: number) => h.toString(16).padStart(14, '0').slice(1);

describe('hashHex', () => {
  it('is the two seeded cyrb53 hashes, whatever the text and length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.integer({ min: 1, max: 26 }),
        (text, length) => {
          const a = hex13(hashString53(text, 1));
          const expected =
            length <= 13 ? a.slice(13 - length) : (a + hex13(hashString53(text, 2))).slice(0, length);
          expect(hashHex(text, length)).toBe(expected);
        },
      ),
    );
  });

  it('keeps the values already stored', () => {
    expect(hashString53('')).toBe(3338908027751811);
    expect(hashHex('Microsoft invested $1 billion in OpenAI in 2019.', 20)).toMatchInlineSnapshot(
      `"ddb47ccceab7350c850e"`,
    );
    expect(hashHex('Microsoft invested $1 billion in OpenAI in 2019.')).toMatchInlineSnapshot(
      `"db47ccceab73"`,
    );
  });
});
