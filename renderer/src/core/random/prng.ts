/**
 * Seeded pseudo-random numbers. Nothing in Lectern's core calls `Math.random`: every random choice
 * (choice order, fuzz) is drawn from a seed so that it replays exactly.
 */

/** A random source: each call returns a float in [0, 1). */
export type Rng = () => number;

/**
 * Hashes a string to an unsigned 32-bit integer (FNV-1a over UTF-16 code units, then a final
 * avalanche so that seeds differing in one character give unrelated streams).
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Creates a mulberry32 generator. A string seed is hashed with {@link hashString}; a number seed is
 * truncated to 32 bits. The same seed always gives the same sequence.
 */
export function createRng(seed: string | number): Rng {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws an integer in [0, maxExclusive) from `rng`; 0 when `maxExclusive` is below 1. */
export function drawInt(rng: Rng, maxExclusive: number): number {
  if (!(maxExclusive >= 1)) return 0;
  return Math.floor(rng() * Math.floor(maxExclusive));
}
