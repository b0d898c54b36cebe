/** Messages between the import screen and the import worker (plain data: they cross a structured clone). */
import type { PackFormat } from '../../core/formats';
import type { AnkiReadResult } from '../../core/formats/anki/read-anki';
import type { Diagnostic } from '../../core/pack/diagnostics';
import type { ImportCounts } from '../../db/repos/import-repo';
import type { HistoryImportCounts } from '../anki-history';
import type { ImportSummary } from './summary';

/** To the worker: read a file (bytes, or text main already decoded), then apply it or not. */
export type ToWorker =
  | { type: 'read'; fileName: string; bytes: ArrayBuffer }
  | { type: 'read'; fileName: string; text: string }
  /** An Anki package the window read in its own worker (see anki-reader.ts). */
  | { type: 'read-anki'; fileName: string; result: AnkiReadResult }
  /** `history`: also import the Anki review history the summary offered. */
  | { type: 'apply'; now: number; history?: boolean };

/** From the worker. */
export type FromWorker =
  | { type: 'progress'; stage: 'reading' | 'storing'; fraction: number }
  /** The file has errors: nothing was or will be stored. */
  | { type: 'problems'; format: PackFormat | null; errors: Diagnostic[]; warnings: Diagnostic[] }
  | { type: 'summary'; summary: ImportSummary }
  | { type: 'stored'; counts: ImportCounts; history?: HistoryImportCounts }
  /** Something went wrong that is not the file's fault (or the pack changed since the summary). */
  | { type: 'failed'; message: string };
