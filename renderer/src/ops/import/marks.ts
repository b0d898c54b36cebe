/**
 * Performance marks of an import, for the benchmark: `start` when the file starts being read (an Anki
 * package's read in its own worker included), `parsed` when the summary is shown, `apply` when the student confirms, `end` when the
 * pack is stored and can be studied. The time the student spends on the summary is `apply − parsed`.
 */
export const IMPORT_MARKS = {
  start: 'lectern:import:start',
  parsed: 'lectern:import:parsed',
  apply: 'lectern:import:apply',
  end: 'lectern:import:end',
} as const;

export type ImportMark = keyof typeof IMPORT_MARKS;

/** Records one mark of the current import (earlier imports' marks stay: a benchmark counts them). */
export function markImport(mark: ImportMark): void {
  if (typeof performance === 'undefined') return;
  performance.mark(IMPORT_MARKS[mark]);
}
