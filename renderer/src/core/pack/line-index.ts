/**
 * Offset → line:column in O(log lines) after one O(n) pass, so reporting thousands of problems in a
 * large file stays linear. Lines end at `\n` (callers normalise CRLF first); columns count UTF-16 units.
 */

/** Maps character offsets of one text to 1-based line and column. */
export interface LineIndex {
  /** 1-based line and column of `offset` (clamped to the text). */
  locate(offset: number): { line: number; column: number };
  /** Offset where each line starts: `starts[line - 1]`. */
  starts: readonly number[];
}

/** Indexes the line starts of `text`. */
export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  let at = text.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return {
    starts,
    locate(offset: number) {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: o - (starts[lo] ?? 0) + 1 };
    },
  };
}
