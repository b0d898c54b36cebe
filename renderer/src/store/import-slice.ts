/**
 * The import screen's UI state: which file is being read or stored, its progress, its problems or the
 * summary waiting for confirmation, and the names of files waiting their turn. The read pack itself
 * stays in the import worker; rows are written by it to Dexie.
 */
import type { StateCreator } from 'zustand';
import type { PackFormat } from '../core/formats';
import type { Diagnostic } from '../core/pack/diagnostics';
import type { ImportCounts } from '../db/repos/import-repo';
import type { ImportSummary } from '../ops/import/summary';

/** One file's way through the import. */
export type ImportJob =
  | { step: 'idle' }
  /** Reading bytes and parsing them in the worker; `fraction` is null until the worker reports. */
  | { step: 'reading'; fileName: string; size: number; fraction: number | null }
  | {
      step: 'problems';
      fileName: string;
      format: PackFormat | null;
      errors: Diagnostic[];
      warnings: Diagnostic[];
    }
  | { step: 'summary'; fileName: string; summary: ImportSummary }
  | { step: 'storing'; fileName: string; summary: ImportSummary; fraction: number }
  | { step: 'done'; fileName: string; summary: ImportSummary; counts: ImportCounts }
  | { step: 'failed'; fileName: string; message: string };

export interface ImportSlice {
  importJob: ImportJob;
  /** Names of the files waiting after the current one. */
  importWaiting: string[];
  setImportJob: (job: ImportJob) => void;
  setImportWaiting: (names: string[]) => void;
}

export const createImportSlice: StateCreator<ImportSlice, [], [], ImportSlice> = (set) => ({
  importJob: { step: 'idle' },
  importWaiting: [],
  setImportJob: (importJob) => set({ importJob }),
  setImportWaiting: (importWaiting) => set({ importWaiting }),
});
