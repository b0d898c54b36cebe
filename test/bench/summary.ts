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

/** Where one answer's time went (ms), from the study screen's marks. */
export interface AnswerPhases {
  /** Answer start → queue rebuild starts: settings read and the answer's IndexedDB transaction. */
  write: number;
  /** The queue rebuilt for the next card. */
  queue: number;
  /** Queue built → next card in the DOM: reading the card and question, React render and commit. */
  render: number;
  /** In the DOM → painted: waiting for the next frame, style, layout and paint. */
  paint: number;
}

/** The first mark in `sorted` at or after `t`. */
function firstAfter(sorted: readonly number[], t: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** Splits every answer into {@link AnswerPhases}; answers with a mark missing are left out. */
export function splitAnswerPhases(m: {
  starts: readonly number[];
  queueStarts: readonly number[];
  queueEnds: readonly number[];
  rendered: readonly number[];
  painted: readonly number[];
}): AnswerPhases[] {
  const sort = (a: readonly number[]) => [...a].sort((x, y) => x - y);
  const [qs, qe, rd, pt] = [sort(m.queueStarts), sort(m.queueEnds), sort(m.rendered), sort(m.painted)];
  const out: AnswerPhases[] = [];
  for (const s of sort(m.starts)) {
    const q0 = firstAfter(qs, s);
    const q1 = q0 === undefined ? undefined : firstAfter(qe, q0);
    const r = q1 === undefined ? undefined : firstAfter(rd, q1);
    const p = r === undefined ? undefined : firstAfter(pt, r);
    if (q0 === undefined || q1 === undefined || r === undefined || p === undefined) continue;
    out.push({ write: q0 - s, queue: q1 - q0, render: r - q1, paint: p - r });
  }
  return out;
}

/** The median of each phase. */
export function medianPhases(phases: readonly AnswerPhases[]): AnswerPhases {
  return {
    write: median(phases.map((p) => p.write)),
    queue: median(phases.map((p) => p.queue)),
    render: median(phases.map((p) => p.render)),
    paint: median(phases.map((p) => p.paint)),
  };
}
