/** Small statistics over timings: median and nearest-rank percentiles. */

/** The median of `values` (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The nearest-rank `p`-th percentile (0 < p ≤ 100) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] as number;
}

/** p50, p95 and max of a latency sample. */
export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Summarises a latency sample. */
export function summarizeLatencies(values: readonly number[]): Latencies {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Pairs every answer start with the first "next card painted" after it; returns the latencies (ms). */
export function pairAnswerMarks(starts: readonly number[], ends: readonly number[]): number[] {
  const sorted = [...ends].sort((a, b) => a - b);
  const out: number[] = [];
  let j = 0;
  for (const s of [...starts].sort((a, b) => a - b)) {
    while (j < sorted.length && (sorted[j] as number) < s) j++;
    if (j < sorted.length) out.push((sorted[j] as number) - s);
  }
  return out;
}
