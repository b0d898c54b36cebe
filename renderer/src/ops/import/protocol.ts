/** Messages between the import screen and the import worker (plain data: they cross a structured clone). */
import type { PackFormat } from '../../core/formats';
import type { Diagnostic } from '../../core/pack/diagnostics';
import type { ImportCounts } from '../../db/repos/import-repo';
import type { ImportSummary } from './summary';

/** To the worker: read a file (bytes, or text main already decoded), then apply it or not. */
export type ToWorker =
  | { type: 'read'; fileName: string; bytes: ArrayBuffer }
  | { type: 'read'; fileName: string; text: string }
  | { type: 'apply'; now: number };

/** From the worker. */
export type FromWorker =
  | { type: 'progress'; stage: 'reading' | 'storing'; fraction: number }
  /** The file has errors: nothing was or will be stored. */
  | { type: 'problems'; format: PackFormat | null; errors: Diagnostic[]; warnings: Diagnostic[] }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'stored'; counts: ImportCounts }
  /** Something went wrong that is not the file's fault (or the pack changed since the summary). */
  | { type: 'failed'; message: string };
