/**
 * The review log on disk (issue 16), measured as a student would see it: the profile's IndexedDB
 * folder after the app closed. The studied history is seeded in schema 4's shape (every review with
 * the card before it), measured, then the app opens it — moving the log into schema 5's compact
 * rows, in batches with progress — and the folder is measured again once that profile has closed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The IndexedDB folder of a bench profile. */
export function idbDir(userDataDir: string): string {
  return join(userDataDir, 'chromium-profile', 'Default', 'IndexedDB');
}

/** Bytes of every file under `dir` (0 when absent). */
export function dirBytes(dir: string): number {
  let total = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    total += st.isDirectory() ? dirBytes(path) : st.size;
  }
  return total;
}

/** The review log's size before and after the upgrade, and the upgrade's time. */
export interface StorageResult {
  reviews: number;
  /** The profile's IndexedDB bytes with the log in schema 4's rows (closed). */
  schema4Bytes: number;
  /** The same profile after the upgrade and the bench's sessions, closed. */
  schema5Bytes: number;
  /** Launch to the Library with the upgrade moving every review (it runs before the Library). */
  upgradeLaunchMs: number;
}

/** Named figures of issue 16 from a size's storage and statistics results (null when not measured). */
export function storageFigures(
  s: StorageResult,
  stats: { first?: number; later: number },
  peerStatsMs: number | undefined,
) {
  return {
    'storage.dbBytesPerReview': s.schema5Bytes / Math.max(1, s.reviews),
    'storage.schema4BytesPerReview': s.schema4Bytes / Math.max(1, s.reviews),
    'storage.ratioToSchema4': s.schema5Bytes / Math.max(1, s.schema4Bytes),
    'storage.upgradeLaunchMs': s.upgradeLaunchMs,
    'stats.firstOpenMs': stats.first ?? null,
    'stats.firstOpenRatioToMnemosyne':
      stats.first !== undefined && peerStatsMs !== undefined && peerStatsMs > 0
        ? stats.first / peerStatsMs
        : null,
    'stats.laterOpenMs': stats.later,
  };
}
