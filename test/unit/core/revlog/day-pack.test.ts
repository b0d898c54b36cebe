/**
 * A stored day's numbers as bytes (`day-pack.ts`): whatever the columns hold, unpacking gives them
 * back exactly (every double bit for bit), keys lose and regain their pack, and bytes it did not
 * write are refused, never guessed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewBlock } from '../../../../renderer/src/core/backup/review-blocks';
import {
  isPackedDayBlock,
  packDayBlock,
  packedDayKeys,
  unpackDayBlock,
} from '../../../../renderer/src/core/revlog/day-pack';

/** As `encodeReviewDay` lists them: a key's pack is what comes before its first colon. */
const PACKS = ['pack-a', 'b', 'p'];

const anyNumber = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.integer({ min: 0, max: 4000 * 1e8 }).map((k) => k / 1e8),
  fc.constantFrom(0, -0, 2 ** 52, -(2 ** 52), 2 ** 53 - 1, 0.1, 1e-300, Number.MAX_VALUE, Number.NaN),
);
const column = fc.oneof(fc.array(anyNumber, { maxLength: 12 }), fc.array(fc.nat(300), { maxLength: 12 }));
const key = fc.tuple(fc.constantFrom(...PACKS), fc.string({ maxLength: 8 })).map(([p, q]) => `${p}:${q}`);

const blockArb: fc.Arbitrary<ReviewBlock> = fc
  .record(
    {
      n: fc.nat(50),
      k: fc.array(key, { maxLength: 6 }),
      tg: fc.array(fc.constantFrom('abc123', 'zzzzzz'), { maxLength: 2 }),
      t: column,
      f: column,
      c: column,
      g: column,
      i: column,
      m: column,
      ms: column,
      u: column,
      sc: column,
      s: column,
      d: column,
      rs: fc.array(fc.string(), { maxLength: 3 }),
      og: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
      o: column,
      x: fc.array(fc.tuple(fc.nat(9), fc.anything()), { maxLength: 2 }),
    },
    { requiredKeys: ['n', 't', 'c', 'g', 'i', 'm', 'ms', 'u'] },
  )
  .map((b) => b as ReviewBlock);

/** Every number of both, compared bit for bit (−0 and NaN included). */
function sameNumbers(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe('a stored day packed as bytes', () => {
  it('gives back exactly the block it was made of', () => {
    fc.assert(
      fc.property(blockArb, (block) => {
        const packed = packDayBlock(block, PACKS);
        if (!packed) throw new Error('a block whose keys all name a listed pack was not packed');
        expect(isPackedDayBlock(packed)).toBe(true);
        // Through the structured clone IndexedDB stores.
        const back = unpackDayBlock(structuredClone(packed), PACKS);
        for (const name of ['t', 'f', 'c', 'g', 'i', 'm', 'ms', 'u', 'sc', 's', 'd', 'o'] as const)
          expect(sameNumbers(back[name], block[name]), name).toBe(true);
        expect(back.n).toBe(block.n);
        expect(back.k ?? []).toEqual(block.k ?? []);
        expect(packedDayKeys(packed, PACKS)).toEqual(block.k ?? []);
        for (const name of ['tg', 'rs', 'og', 'x'] as const) expect(back[name]).toEqual(block[name]);
      }),
    );
  });

  it('stores small whole numbers and ts-fsrs values in a few bytes each', () => {
    const n = 100;
    const block: ReviewBlock = {
      n,
      k: Array.from({ length: n }, (_, i) => `pack-a:question-${i}`),
      t: Array.from({ length: n }, (_, i) => 600_000 + i),
      c: Array.from({ length: n }, (_, i) => i),
      g: new Array(n).fill(0),
      i: new Array(n).fill(1),
      m: new Array(n).fill(210),
      ms: new Array(n).fill(4200),
      u: new Array(n).fill(12),
      s: Array.from({ length: n }, (_, i) => Math.round((3 + i * 0.37) * 1e8) / 1e8),
      d: Array.from({ length: n }, (_, i) => Math.round((5 + i * 0.01) * 1e8) / 1e8),
    };
    const packed = packDayBlock(block, PACKS);
    // JSON would take ~50 bytes a review for these columns; 8-byte doubles alone 16 for s and d.
    expect(packed?.b.length).toBeLessThan(n * 28);
    expect(packed?.kq?.[0]).toBe('question-0');
  });

  it('leaves a block unpacked when a key names no listed pack', () => {
    const block = {
      n: 0,
      k: ['elsewhere:q1'],
      t: [],
      c: [],
      g: [],
      i: [],
      m: [],
      ms: [],
      u: [],
    } as ReviewBlock;
    expect(packDayBlock(block, PACKS)).toBeNull();
    expect(packDayBlock({ ...block, k: ['nocolon'] }, ['nocolon'])).toBeNull();
  });

  it('refuses bytes it did not write, naming what is wrong', () => {
    const packed = packDayBlock(
      { n: 1, k: ['b:q'], t: [5], c: [0], g: [0], i: [1], m: [2], ms: [3], u: [4] },
      PACKS,
    );
    if (!packed) throw new Error('not packed');
    expect(() => unpackDayBlock({ ...packed, b: packed.b.slice(0, -1) }, PACKS)).toThrow(/end too soon/);
    expect(() => unpackDayBlock({ ...packed, b: new Uint8Array([...packed.b, 0]) }, PACKS)).toThrow(
      /go on after/,
    );
    expect(() => unpackDayBlock({ ...packed, b: new Uint8Array([9]) }, PACKS)).toThrow(/unknown way/);
    expect(() => unpackDayBlock({ ...packed, kp: [7] }, PACKS)).toThrow(/does not list/);
    expect(() => unpackDayBlock(packed, [])).toThrow(/does not list/);
  });
});
