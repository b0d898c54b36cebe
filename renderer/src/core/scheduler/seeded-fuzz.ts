/**
 * ts-fsrs's fuzz, drawn once per answer. ts-fsrs fuzzes a review card's Hard, Good and Easy
 * intervals each with a new Alea generator from the same seed, hashing the seed three times over
 * (four Mash passes of the seed each): a third of a replay's time (100k answers: ~0.45 s of ~1.5 s here). A
 * seed's first draw depends on the seed alone, so {@link OnceSeededFsrs} draws it once and keeps
 * it while the seed stays; every interval is the one ts-fsrs gives (property-tested against it).
 */
import { FSRS, get_fuzz_range } from 'ts-fsrs';

/**
 * The first number ts-fsrs's `alea(seed)` generator gives (ts-fsrs does not export it): Johannes
 * Baagøe's Alea seeded with Mash, as ts-fsrs 5 writes it.
 */
export function aleaFirstDraw(seed: string): number {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  // The generator's first state word; the other two (two more Mash passes each) do not reach the
  // first draw.
  let s0 = mash(' ');
  mash(' ');
  mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + 2.3283064365386963e-10;
  return t - (t | 0);
}

type FuzzedDays = ReturnType<FSRS['apply_fuzz']>;

/** ts-fsrs's `FSRS` whose fuzz draws a seed's number once (see the file comment). */
export class OnceSeededFsrs extends FSRS {
  private drawnFor: string | undefined;
  private drawn = 0;

  override apply_fuzz(ivl: number, elapsed_days: number): FuzzedDays {
    if (!this.parameters.enable_fuzz || ivl < 2.5) return Math.round(ivl) as FuzzedDays;
    const seed = this._seed;
    if (seed === undefined) return super.apply_fuzz(ivl, elapsed_days);
    if (seed !== this.drawnFor) {
      this.drawn = aleaFirstDraw(seed);
      this.drawnFor = seed;
    }
    const { min_ivl, max_ivl } = get_fuzz_range(ivl, elapsed_days, this.parameters.maximum_interval);
    return Math.floor(this.drawn * (max_ivl - min_ivl + 1) + min_ivl) as FuzzedDays;
  }
}
