/**
 * The backup worker: writes, checks and restores backups off the window's thread, so the window
 * stays responsive with a million reviews. The window's live queries see a restore through Dexie's
 * cross-context broadcast.
 */
import { db } from '../../db/schema/database';
import type { BackupPort } from './protocol';
import { serveBackupWorker } from './worker-serve';

serveBackupWorker(self as unknown as BackupPort, db);
