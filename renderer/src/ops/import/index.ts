/**
 * Importing packs: the controller runs one file at a time through the import worker
 * (`import.worker.ts`, over the messages of `protocol.ts`), which reads the file, previews what it
 * would change (`summary.ts`) and, once the student confirms, stores it. Its progress lives in the
 * store's import slice; screens call these operations by name.
 */
export {
  cancelImport,
  confirmImport,
  type ImportSource,
  importFiles,
  importFromDialog,
  importPendingFiles,
  isImportBusy,
  prepareImporter,
  resetImport,
  startNext,
} from './controller';
export type { ImportCounts, ImportSummary, QuestionItem, UpdateSummary } from './summary';
