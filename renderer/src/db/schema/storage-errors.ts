/** Turns an IndexedDB failure into a sentence a student can act on. */
import { describeError } from '../../core/describe-error';

/** True for a write refused because the disk (or the browser's storage quota) is full. */
export function isStorageFull(err: unknown): boolean {
  const e = err as { name?: string; inner?: { name?: string }; message?: string } | null;
  const names = [e?.name, e?.inner?.name];
  return names.includes('QuotaExceededError') || /full disk|quota/i.test(e?.message ?? '');
}

/** A message for a failed database write; `what` names what was being saved ("the import"). */
export function describeStorageError(err: unknown, what: string): string {
  if (isStorageFull(err)) {
    return `There is no room left to save ${what}: the disk is full. Nothing was changed — free some space and try again.`;
  }
  return `Could not save ${what}: ${describeError(err)}. Nothing was changed.`;
}
