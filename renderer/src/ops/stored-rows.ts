/**
 * Repairs for stored rows set aside because they fail their schema (`db/schema/middleware/row-guard.ts`), and the
 * check of the stored settings (issue 19: a bad row must never lock a screen; invalid settings fall
 * back to their defaults, and the student is told).
 */
import { loadBundledContent } from '../app/bootstrap';
import type { Diagnostic } from '../core/pack/diagnostics';
import { getSettings } from '../db/repos/settings-repo';
import { db as appDb, type LecternDb } from '../db/schema/database';
import type { SetAsideRow } from '../db/schema/middleware/row-guard';

/** How a set-aside row is named to the student. */
export function describeSetAside(row: SetAsideRow): string {
  return row.questionId === null || row.table === 'packs'
    ? `The pack “${row.packId}” could not be read (${row.problem}).`
    : `Question “${row.questionId}” of the pack “${row.packId}” could not be read (${row.problem}).`;
}

/**
 * Applies the app's own file of the pack again (progress kept by the update rule). Resolves to a
 * message when the pack is not one of the app's bundled packs (its file is the student's).
 */
export async function reapplyPackFile(packId: string, db: LecternDb = appDb): Promise<string | null> {
  const report = await loadBundledContent(db, Date.now(), packId);
  if (report.problems.length > 0) throw new Error(report.problems.join(' '));
  return report.loaded.includes(packId)
    ? null
    : `“${packId}” is not a pack Lectern ships: import its file again (File ▸ Import pack…) to repair it.`;
}

/**
 * Drops a set-aside row: a pack row takes its pack with it (questions, progress, history, as
 * Remove does); a question leaves its chunk, the pack's other questions keep working.
 */
export async function dropSetAsideRow(row: SetAsideRow, db: LecternDb = appDb): Promise<void> {
  if (row.table === 'packs') {
    await (await import('../db/repos/media-repo')).removePackWithMedia(db, row.packId);
    return;
  }
  await db.transaction('rw', db.questionChunks, async () => {
    // Read through the guard, a chunk comes without its invalid items (a chunk whose items are not
    // a list, with none): written back, they are gone.
    const chunks = await db.questionChunks
      .where('[packId+chunk]')
      .between([row.packId, Number.NEGATIVE_INFINITY], [row.packId, Number.POSITIVE_INFINITY])
      .toArray();
    await db.questionChunks.bulkPut(chunks);
  });
}

/** What was wrong with the stored settings, as one sentence; null when they are all valid. */
export function describeIgnoredSettings(ignored: readonly Diagnostic[]): string | null {
  if (ignored.length === 0) return null;
  const parts = ignored.map(
    (d) => `${d.path && d.path.length > 0 ? d.path.join('.') : 'settings'}: ${d.message}`,
  );
  return `Some stored settings could not be read and use their defaults: ${parts.join('; ')}.`;
}

/** Checks the stored settings at start-up: the notice to show, or null. */
export async function checkStoredSettings(db: LecternDb = appDb): Promise<string | null> {
  return describeIgnoredSettings((await getSettings(db)).ignored);
}
