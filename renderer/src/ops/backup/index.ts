/**
 * Backups: writing them (saved where the student chooses, or automatic ones in the app's data
 * folder), checking and restoring them. The database work runs in the backup worker
 * (`backup.worker.ts`, served by `worker-serve.ts` over the messages of `protocol.ts`); the page's
 * side (`runner.ts`) carries file parts between it and main.
 */
export { backupOnQuit, saveBackupAs, writeDailyBackupIfDue } from './actions';
export {
  type CheckedBackup,
  checkBackupSource,
  describeIssue,
  describeRestored,
  type RefusedBackup,
  restoreBackupSource,
} from './restore';
export type { OnFraction } from './runner';
export { autoBackupSource, type BackupSource, fileSource } from './sources';
