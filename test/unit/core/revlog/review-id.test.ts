import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base36Value,
  createReviewIdMaker,
  legacyReviewId,
  reviewIdTime,
} from '../../../../renderer/src/core/revlog/review-id';

const digit = fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz');
const other = fc.constantFrom('A', 'Z', '_', '-', '.', ' ', '/', ':', '`', '{', 'é', '\u0000');

describe('review ids read without a pattern', () => {
  it('base36Value is parseInt of the slice for 0-9a-z, and −1 as soon as another character is in it', () => {
    fc.assert(
      fc.property(fc.array(digit, { maxLength: 10 }), fc.option(fc.tuple(fc.nat(), other)), (digits, bad) => {
        const text = `xx${digits.join('')}yy`;
        const to = 2 + digits.length;
        if (!bad) {
          expect(base36Value(text, 2, to)).toBe(
            digits.length === 0 ? 0 : Number.parseInt(digits.join(''), 36),
          );
          return;
        }
        const at = 2 + (bad[0] % (digits.length + 1));
        const mangled = `${text.slice(0, at)}${bad[1]}${text.slice(at + 1)}`;
        expect(base36Value(mangled, 2, Math.max(to, at + 1))).toBe(-1);
      }),
    );
  });

  it('reviewIdTime gives back the time of new and upgraded ids, NaN for what is not one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 ** 9 - 1 }), fc.nat(36 ** 8 - 1), (at, legacy) => {
        expect(reviewIdTime(createReviewIdMaker('abc123')(at))).toBe(at);
        expect(reviewIdTime(legacyReviewId(at, legacy))).toBe(at);
      }),
    );
    for (const notId of ['', '12345678', '0000000A0abc123000', '-00000000abc123000', 42, null])
      expect(reviewIdTime(notId)).toBeNaN();
  });
});
