/** Start-up: store the bundled course (parsed here, in the sandbox) if it is new or changed. */

import type { PackFile } from '../../../electron/ipc/contract';
import { parsePackJson } from '../core/pack';
import { hashText as answerHashTmp, hashText } from '../core/text/hash';
import type { LecternDb } from '../db/db';
import { insertPack } from '../db/packs-repo';
import { invoke } from '../platform/bridge';

const answerHash = (q: unknown) => answerHashTmp(JSON.stringify(q));

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
  const contentHash = hashText(file.text);
  const parsed = parsePackJson(file.text);
  if (!parsed.ok) {
    report.problems.push(
      `${file.name}: ${parsed.issues.length} problem(s), first: ${parsed.issues[0]?.message ?? ''}`,
    );
    return;
  }
  const stored = await db.packs.get(parsed.pack.id);
  if (stored?.contentHash === contentHash) {
    report.loaded.push(parsed.pack.id);
    return;
  }
  if (!stored) {
    await insertPack(
      db,
      parsed.pack,
      { origin: 'bundled', format: 'lectern', fileName: file.name, contentHash },
      now,
      answerHash,
    );
    report.loaded.push(parsed.pack.id);
    return;
  }
  report.problems.push(`${file.name}: a newer version of the bundled course needs the pack updater`);
}
