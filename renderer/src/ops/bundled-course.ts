/** Puts the bundled course back after it was removed (it also comes back at the next start). */
import { loadBundledContent } from '../app/bootstrap';
import { db } from '../db/schema/database';

/** Stores the bundled course again; resolves to the problems met (none when it is back). */
export async function restoreBundledCourse(): Promise<string[]> {
  const report = await loadBundledContent(db, Date.now());
  return report.problems;
}
