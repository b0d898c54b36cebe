/**
 * `import.linearity`: the time per question of the core readers (what the Import screen and the
 * `lectern-pack` CLI both run) from 1k to 64k questions, for identical, near-identical and distinct
 * questions in GIFT, CSV and Aiken. Every reader and the id derivation must be linear (issue 19): the
 * per-question time at the largest size must stay within {@link LINEARITY_LIMIT}× the median of the
 * smaller sizes. Quadratic work would be 16–64× here; a bigger heap alone makes V8 a few times slower
 * per object, which is what the limit leaves room for (the median damps one noisy size).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readPackFile } from '../../../renderer/src/core/formats';

/** A full collection before each timed read, so no run pays for the garbage of the one before. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (() => void) | undefined)?.();
}

/** The question shapes measured. */
export type Shape = 'identical' | 'near-identical' | 'distinct';

/** One format × shape: microseconds per question at each size (best of the runs). */
export interface LinearitySeries {
  format: 'gift' | 'csv' | 'aiken';
  shape: Shape;
  sizes: number[];
  usPerQuestion: number[];
  /** usPerQuestion at the largest size ÷ the median at the smaller sizes (quadratic work shows as ~n×). */
  growth: number;
}

/** What the phase reports under the JSON key `import.linearity`. */
export interface LinearityResult {
  name: 'import.linearity';
  limit: number;
  series: LinearitySeries[];
  /** Every series' growth ≤ limit. */
  flat: boolean;
}

/** Largest allowed growth of the per-question time from the smallest to the largest size. */
export const LINEARITY_LIMIT = 4;
export const LINEARITY_SIZES = [1000, 4000, 16_000, 64_000];

// Near-identical: the same question with spacing and case varied, so most derive the same base id.
const vary = (i: number, s: string) => (i % 2 ? s.toUpperCase() : s) + ' '.repeat(i % 3);
const FILES: Record<LinearitySeries['format'], { name: string; line: (shape: Shape, i: number) => string }> =
  {
    gift: {
      name: 'linear.gift',
      line: (shape, i) => {
        const q = shape === 'distinct' ? `What is ${i} plus two?` : 'What is two plus two?';
        return `${shape === 'near-identical' ? vary(i, q) : q} {=four ~three ~five}\n\n`;
      },
    },
    csv: {
      name: 'linear.csv',
      line: (shape, i) => {
        const q = shape === 'distinct' ? `What is ${i} plus two?` : 'What is two plus two?';
        return `${shape === 'near-identical' ? vary(i, q) : q},four\n`;
      },
    },
    aiken: {
      name: 'linear.txt',
      line: (shape, i) => {
        const q = shape === 'distinct' ? `What is ${i} plus two?` : 'What is two plus two?';
        return `${shape === 'near-identical' ? vary(i, q) : q}\nA. four\nB. three\nANSWER: A\n\n`;
      },
    },
  };

/** Builds the file text of `n` questions of `shape` in `format`. */
export function linearityFile(format: LinearitySeries['format'], shape: Shape, n: number): string {
  const { line } = FILES[format];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(line(shape, i));
  return parts.join('');
}

/** Judges measured series: growth per series and whether all stay under the limit. */
export function judgeLinearity(
  series: Omit<LinearitySeries, 'growth'>[],
  limit = LINEARITY_LIMIT,
): LinearityResult {
  const judged = series.map((s) => {
    const smaller = s.usPerQuestion.slice(0, -1).sort((a, b) => a - b);
    const mid = smaller.length ? (smaller[(smaller.length - 1) >> 1] ?? 0) : 0;
    return { ...s, growth: (s.usPerQuestion.at(-1) ?? 0) / Math.max(1e-9, mid) };
  });
  return { name: 'import.linearity', limit, series: judged, flat: judged.every((s) => s.growth <= limit) };
}

/**
 * Runs the phase after a warm-up: each file read at least `runs` times per size (small sizes more, so
 * each size reads ~64k questions in all), the best time kept (noise only ever adds).
 */
export function measureImportLinearity(
  runs: number,
  log: (line: string) => void,
  sizes = LINEARITY_SIZES,
): LinearityResult {
  const series: Omit<LinearitySeries, 'growth'>[] = [];
  for (const format of ['gift', 'csv', 'aiken'] as const)
    readPackFile(FILES[format].name, linearityFile(format, 'distinct', sizes[0] ?? 1000));
  const largest = Math.max(...sizes);
  for (const format of ['gift', 'csv', 'aiken'] as const) {
    for (const shape of ['identical', 'near-identical', 'distinct'] as const) {
      const usPerQuestion = sizes.map((n) => {
        const text = linearityFile(format, shape, n);
        let best = Number.POSITIVE_INFINITY;
        for (let r = 0; r < Math.max(1, runs, Math.ceil(largest / n)); r++) {
          collectGarbage();
          const t0 = performance.now();
          const result = readPackFile(FILES[format].name, text);
          const ms = performance.now() - t0;
          if (!result.ok || result.pack.questions.length !== n)
            throw new Error(`import.linearity: ${format} ${shape} ${n} did not read ${n} questions`);
          best = Math.min(best, ms);
        }
        return (best * 1000) / n;
      });
      series.push({ format, shape, sizes, usPerQuestion });
      log(`  ${format} ${shape}: ${usPerQuestion.map((u) => u.toFixed(0)).join(' / ')} µs per question`);
    }
  }
  return judgeLinearity(series);
}

/** The phase as lines for the printed report. */
export function formatLinearity(r: LinearityResult): string {
  const head = `Import linearity (core readers, µs per question at ${r.series[0]?.sizes.map((n) => `${n / 1000}k`).join(' / ')}): ${r.flat ? 'flat' : 'NOT FLAT'} (limit ${r.limit}× growth)`;
  const lines = r.series.map(
    (s) =>
      `- ${s.format} ${s.shape}: ${s.usPerQuestion.map((u) => u.toFixed(0)).join(' / ')} (×${s.growth.toFixed(2)})`,
  );
  return [head, ...lines].join('\n');
}
