/**
 * Messages between the page and the backup worker (plain data: they cross a structured clone). The
 * page owns the files (it alone reaches main); the worker owns the database work. Both directions
 * take turns: the worker asks for the next part of a file (`need`) or hands over the next part of a
 * backup (`part`) and waits for the page's answer, so neither side ever holds more than one part.
 */
import type { BackupSummary } from '../../core/backup';
import type { BackupVerdict } from '../../db/repos/backup-repo';

/** To the worker. */
export type ToBackupWorker =
  /** Write a backup: hand it over part by part. */
  | { type: 'export'; now: number; appVersion: string; partChars?: number }
  /** Read a backup (asking for its text part by part) and verify it, storing nothing. */
  | { type: 'check' }
  /** Read, verify and restore a backup in one transaction. */
  | { type: 'restore' }
  /** The part handed over was written. */
  | { type: 'written' }
  /** The part handed over could not be written: stop. */
  | { type: 'stop'; message: string }
  /** The next part of the file being read. */
  | { type: 'text'; text: string }
  /** The file being read has no more parts. */
  | { type: 'end' }
  /** The file being read could not be read further. */
  | { type: 'source-failed'; message: string };

/** From the worker. */
export type FromBackupWorker =
  | { type: 'part'; text: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'exported'; summary: BackupSummary }
  | { type: 'need' }
  | { type: 'verdict'; verdict: BackupVerdict }
  /** Something went wrong that is not the file's fault; nothing was changed. */
  | { type: 'failed'; message: string };

/** What both ends need of a worker or a MessagePort. */
export interface BackupPort {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
