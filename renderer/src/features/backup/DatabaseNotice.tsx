/**
 * The start-up notice when the database is not the one the student last used (damaged or lost on
 * disk, see `ops/database-health.ts`): says what it held, and restores the last good automatic
 * backup in one click — or keeps what is there now.
 */
import { useState } from 'react';
import { describeError } from '../../core/describe-error';
import { keepCurrentDatabase, restoreLastGoodBackup } from '../../ops/database-health';
import type { BackupFileInfo, DatabaseCounts } from '../../platform/bridge';
import { useAppStore } from '../../store';
import { formatCount } from '../../ui/count';
import { autoBackupReason, formatFileTime } from '../../ui/format';

/** “15 studied questions, 15 reviews and 1 setting”: what the database held, zeros left out. */
export function describeHeld(c: DatabaseCounts): string {
  const parts = [
    c.cards > 0 ? formatCount(c.cards, 'studied question', 'studied questions') : null,
    c.reviews > 0 ? formatCount(c.reviews, 'review', 'reviews') : null,
    c.reading > 0 ? formatCount(c.reading, 'chapter opened', 'chapters opened') : null,
    c.selftests > 0 ? formatCount(c.selftests, 'self-test', 'self-tests') : null,
    c.settings > 0 ? formatCount(c.settings, 'setting', 'settings') : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'your packs';
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function DatabaseNotice({
  counts,
  recordedAt,
  backup,
  onSettled,
}: {
  counts: DatabaseCounts;
  recordedAt: number;
  backup: BackupFileInfo | null;
  onSettled: () => void;
}) {
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState<null | { fraction: number | null }>(null);
  const [error, setError] = useState<string | null>(null);
  const backupWhen = backup ? formatFileTime(backup.modifiedAt) : '';
  const label = `the automatic backup of ${backupWhen}`;

  const restore = async () => {
    if (!backup) return;
    setError(null);
    setBusy({ fraction: null });
    try {
      const s = await restoreLastGoodBackup(backup, label, (fraction) => setBusy({ fraction }));
      notify(
        'success',
        `Restored ${label}: ${formatCount(s.packs, 'pack', 'packs')}, ${formatCount(s.reviews, 'review', 'reviews')}.`,
      );
      onSettled();
    } catch (err) {
      setError(`The restore failed and nothing was changed: ${describeError(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const keep = async () => {
    setError(null);
    try {
      await keepCurrentDatabase();
      onSettled();
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section className="card database-notice" role="alert" aria-labelledby="database-notice-title">
      <h2 id="database-notice-title">Your study data was not found</h2>
      <p>
        Lectern’s database is not the one you last used: it was damaged or removed on disk, and an empty one
        took its place. On {formatFileTime(recordedAt)} it held {describeHeld(counts)}.
      </p>
      {backup ? (
        <p>
          The automatic backup of {backupWhen} ({autoBackupReason(backup.name).toLowerCase()}) holds your data
          as it was then. Restoring it replaces what the database holds now.
        </p>
      ) : (
        <p>No automatic backup is left. If you exported a backup, restore it in Settings, under Backups.</p>
      )}
      {busy ? (
        <p role="status">Restoring… {busy.fraction === null ? '' : `${Math.round(busy.fraction * 100)} %`}</p>
      ) : null}
      {error ? <p className="database-notice__error">{error}</p> : null}
      <div className="database-notice__actions">
        {backup ? (
          <button type="button" disabled={busy !== null} onClick={() => void restore()}>
            Restore the backup of {backupWhen}
          </button>
        ) : null}
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void keep()}>
          Keep the current data
        </button>
      </div>
    </section>
  );
}
