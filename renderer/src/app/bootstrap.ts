/**
 * Start-up: store the bundled course (parsed here, in the sandbox) if it is new, and apply it as a
 * pack update (progress kept by the update rule of core/pack/diff) when the bundled file changed.
 * An unchanged bundled file is recognised by its hash and not parsed at all (start-up time), and a
 * file the student imported under the bundled pack's id is not overwritten at the next start.
 */

import { hashHex } from '../core/pack/hash';
import type { LecternDb } from '../db/schema/database';
import type { PackFile } from '../platform/bridge';
import { invoke } from '../platform/bridge';

export interface BootstrapReport {
  loaded: string[];
  problems: string[];
}

/**
 * Reads `content:list` and stores each bundled pack that is not stored with the same content yet. A
 * bundled pack whose stored row fails its schema reads as none (`db/schema/middleware/row-guard.ts`), so it is applied
 * again. `reapply` names a pack applied again even when stored with the same content (the repair of
 * a question set aside); the report's `loaded` then says whether it was found.
 */
export async function loadBundledContent(
  db: LecternDb,
  now: number,
  reapply?: string,
): Promise<BootstrapReport> {
  const res = await invoke('content:list');
  if (!res.ok) return { loaded: [], problems: [`Could not read the bundled course: ${res.error.message}`] };
  const report: BootstrapReport = { loaded: [], problems: [] };
  for (const file of res.value) await syncBundledPack(db, file, now, report, reapply);
  return report;
}

async function syncBundledPack(
  db: LecternDb,
  file: PackFile,
  now: number,
  report: BootstrapReport,
  reapply?: string,
) {
  const contentHash = hashHex(file.text, 20);
  const bundled = await db.packs.where('origin').equals('bundled').toArray();
  // Rows stored before bundledHash existed carry the bundled file's hash as contentHash.
  const same = bundled.find((p) => (p.bundledHash ?? p.contentHash) === contentHash);
  if (same && same.id !== reapply) {
    report.loaded.push(same.id);
    return;
  }
  // Loaded only when the bundled file changed: validation and import code stay out of start-up.
  const [{ parsePackJson }, { applyImport }] = await Promise.all([
    import('../core/pack'),
    import('../db/repos/import-repo'),
  ]);
  const parsed = parsePackJson(file.text);
  if (!parsed.ok) {
    report.problems.push(
      `${file.name}: ${parsed.issues.length} problem(s), first: ${parsed.issues[0]?.message ?? ''}`,
    );
    return;
  }
  const meta = {
    origin: 'bundled',
    format: 'lectern',
    fileName: file.name,
    contentHash,
    bundledHash: contentHash,
  } as const;
  const applied = await applyImport(db, parsed.pack, meta, now);
  if (!applied.ok) report.problems.push(`${file.name}: ${applied.message}`);
  report.loaded.push(parsed.pack.id);
}
