/** The automatic backups in the app's data folder, newest first, each restorable. */
import { useCallback, useEffect, useState } from 'react';
import { autoBackupSource } from '../../ops/backup';
import type { BackupFileInfo } from '../../platform/bridge';
import { invoke } from '../../platform/bridge';
import { useAppStore } from '../../store';
import { autoBackupReason, formatFileTime } from '../../ui/format';
import type { RestoreFlow } from './use-restore';

function describeBackup(b: BackupFileInfo): { when: string; reason: string; size: string } {
  const reason = autoBackupReason(b.name);
  const when = formatFileTime(b.modifiedAt);
  const size =
    b.bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(b.bytes / 1024))} KB`
      : `${(b.bytes / 1048576).toFixed(1)} MB`;
  return { when, reason, size };
}

export function AutoBackupList({ flow }: { flow: RestoreFlow }) {
  const notify = useAppStore((s) => s.notify);
  const [backups, setBackups] = useState<BackupFileInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const res = await invoke('backup:list');
    if (res.ok) {
      setBackups(res.value);
      setError(null);
    } else setError(res.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const openFolder = async () => {
    const res = await invoke('backup:open-folder');
    if (!res.ok) notify('error', `Could not open the backups folder: ${res.error.message}`);
  };

  return (
    <div className="auto-backups">
      <h3 id="auto-backups-title">Automatic backups</h3>
      <p className="muted">
        Lectern writes one when you quit and once a day, and keeps the newest 10 in its data folder, and
        always the last one written while your data was whole.
      </p>
      <div className="backup-actions">
        <button type="button" className="secondary" onClick={() => void openFolder()}>
          Open backups folder
        </button>
        <button type="button" className="secondary" onClick={() => void refresh()}>
          Refresh the list
        </button>
      </div>
      {error ? (
        <p role="alert">Could not list the automatic backups: {error}</p>
      ) : backups === null ? (
        <p role="status">Looking for automatic backups…</p>
      ) : backups.length === 0 ? (
        <p>No automatic backups yet.</p>
      ) : (
        <table className="auto-backup-table" aria-labelledby="auto-backups-title">
          <thead>
            <tr>
              <th scope="col">Written</th>
              <th scope="col">When</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => {
              const d = describeBackup(b);
              return (
                <tr key={b.name}>
                  <td>{d.when}</td>
                  <td>{d.reason}</td>
                  <td>{d.size}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Restore the backup of ${d.when} (${d.reason.toLowerCase()})`}
                      disabled={flow.state.step === 'checking' || flow.state.step === 'restoring'}
                      onClick={() =>
                        void flow.check(
                          autoBackupSource(b.name, b.bytes, `the automatic backup of ${d.when}`),
                        )
                      }
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
