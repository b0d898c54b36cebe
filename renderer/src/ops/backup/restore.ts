/**
 * Checking and restoring a backup (a chosen file or an automatic backup), as the restore flow of
 * Settings ▸ Backups runs it: check first (storing nothing), then, once the student confirms, read it
 * again and replace the data in one transaction (a refused or failed restore changes nothing).
 */
import type { BackupOrigin, BackupSummary } from '../../core/backup';
import type { Diagnostic } from '../../core/pack/diagnostics';
import { summarizeDatabase } from '../../db/repos/backup-repo';
import { db } from '../../db/schema/database';
import { noteRestored } from '../database-health';
import { type OnFraction, runVerify } from './runner';
import type { BackupSource } from './sources';

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** A problem as the student reads it: the message, then where (the field of a row, the line). */
export function describeIssue(d: Diagnostic): string {
  const field = d.path && d.path.length > 3 ? d.path.slice(3).join('.') : null;
  const where = [
    field ? `field ${field}` : null,
    d.line !== undefined && !/\bline\b/.test(d.message) ? `line ${thousands(d.line)}` : null,
  ].filter((w) => w !== null);
  return where.length > 0 ? `${d.message} (${where.join(', ')})` : d.message;
}

/** A backup refused, with its problems in words. */
export interface RefusedBackup {
  ok: false;
  issues: string[];
}

/** What a checked backup holds beside what the database holds now. */
export type CheckedBackup =
  | RefusedBackup
  | { ok: true; origin: BackupOrigin; summary: BackupSummary; current: BackupSummary };

/**
 * Reads and verifies `source` in the backup worker, storing nothing. Rejects when the file cannot be
 * read at all.
 */
export async function checkBackupSource(
  source: BackupSource,
  onProgress?: OnFraction,
): Promise<CheckedBackup> {
  const verdict = await runVerify('check', source, onProgress);
  if (!verdict.ok) return { ok: false, issues: verdict.issues.map(describeIssue) };
  const current = await summarizeDatabase(db);
  return { ok: true, origin: verdict.origin, summary: verdict.summary, current };
}

/**
 * Restores `source` (read and verified again: the file may have changed since it was checked) and
 * records the restored database as the student's. Rejects when the restore failed (nothing changed).
 */
export async function restoreBackupSource(
  source: BackupSource,
  onProgress?: OnFraction,
): Promise<RefusedBackup | { ok: true; summary: BackupSummary }> {
  const verdict = await runVerify('restore', source, onProgress);
  if (!verdict.ok) return { ok: false, issues: verdict.issues.map(describeIssue) };
  // The restored database is the student's now: recorded beside it (a failure here loses nothing).
  await noteRestored(verdict.summary).catch((err: unknown) =>
    console.error('recording the restore failed:', err),
  );
  return { ok: true, summary: verdict.summary };
}

/** The student's message after a restore. */
export function describeRestored(label: string, s: BackupSummary): string {
  return `Restored ${label}: ${thousands(s.packs)} packs, ${thousands(s.questions)} questions, ${thousands(s.reviews)} reviews.`;
}
