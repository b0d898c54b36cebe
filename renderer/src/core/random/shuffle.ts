import { createRng, drawInt } from './prng';

/**
 * Returns a shuffled copy of `items` (Fisher–Yates driven by {@link createRng}); the input is not
 * changed. The same items and seed always give the same order.
 */
export function shuffle<T>(items: readonly T[], seed: string | number): T[] {
  const out = items.slice();
  const rng = createRng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = drawInt(rng, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/**
 * Returns a seeded permutation of `0..length-1`: `result[displayPosition] = originalIndex`.
 * Used to show multiple-choice options in a per-review order while grading by original index.
 */
export function permutation(length: number, seed: string | number): number[] {
  const n = Number.isInteger(length) && length > 0 ? length : 0;
  return shuffle(
    Array.from({ length: n }, (_, i) => i),
    seed,
  );
}
