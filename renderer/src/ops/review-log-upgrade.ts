/**
 * Start-up's part of the review log's move to schema 5 (`db/repos/revlog-upgrade.ts`): moves
 * what is left, saying how far it is, before the Library is shown. The log's upkeep (old undo
 * snapshots and answers cleared, the statistics' cache filled) runs once the Library is shown:
 * `review-log-upkeep.ts`, loaded then.
 */

import { revlogUpgradePending, upgradeReviewLog } from '../db/repos/revlog-upgrade';
import type { LecternDb } from '../db/schema/database';

/**
 * Finishes the upgrade if reviews are waiting (`onProgress` gets the share moved, 0–1). Resolves to
 * the reviews moved this time.
 */
export async function settleReviewLog(
  db: LecternDb,
  onProgress?: (fraction: number, done: number, total: number) => void,
): Promise<number> {
  if (!(await revlogUpgradePending(db))) return 0;
  return upgradeReviewLog(db, {
    onProgress: (done, total) => onProgress?.(total > 0 ? done / total : 1, done, total),
  });
}
