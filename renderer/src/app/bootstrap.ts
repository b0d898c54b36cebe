/**
 * Start-up: store the bundled course (parsed here, in the sandbox) if it is new, and apply it as a
 * pack update (progress kept by the update rule of core/pack/diff) when the bundled file changed.
 */

import type { PackFile } from '../../../electron/ipc/contract';
import { parsePackJson } from '../core/pack';
import { hashHex } from '../core/pack/hash';
import type { LecternDb } from '../db/db';
import { applyImport } from '../db/import-repo';
import { invoke } from '../platform/bridge';

export interface BootstrapReport {
  loaded: string[];
  problems: string[];
}

/** Reads `content:list` and stores each bundled pack that is not stored with the same content yet. */
export async function loadBundledContent(db: LecternDb, now: number): Promise<BootstrapReport> {
  const res = await invoke('content:list');
  if (!res.ok) return { loaded: [], problems: [`Could not read the bundled course: ${res.error.message}`] };
  const report: BootstrapReport = { loaded: [], problems: [] };
  for (const file of res.value) await syncBundledPack(db, file, now, report);
  return report;
}

async function syncBundledPack(db: LecternDb, file: PackFile, now: number, report: BootstrapReport) {
  const contentHash = hashHex(file.text, 20);
  const parsed = parsePackJson(file.text);
  if (!parsed.ok) {
    report.problems.push(
      `${file.name}: ${parsed.issues.length} problem(s), first: ${parsed.issues[0]?.message ?? ''}`,
    );
    return;
  }
  const stored = await db.packs.get(parsed.pack.id);
  if (stored?.contentHash !== contentHash) {
    const meta = { origin: 'bundled', format: 'lectern', fileName: file.name, contentHash } as const;
    const applied = await applyImport(db, parsed.pack, meta, now);
    if (!applied.ok) report.problems.push(`${file.name}: ${applied.message}`);
  }
  report.loaded.push(parsed.pack.id);
}
