/** Backups: export everything to a file, restore from a file, and the automatic backups. */
import { useId, useState } from 'react';
import { fileSource, saveBackupAs } from '../../ops/backup';
import { useAppStore } from '../../store';
import { AutoBackupList } from './AutoBackupList';
import { BackupProgress } from './BackupProgress';
import { RestoreDialog } from './RestoreDialog';
import { useRestore } from './use-restore';
import './backup.css';
import { describeError } from '../../core/describe-error';

export function BackupSection() {
  const notify = useAppStore((s) => s.notify);
  const flow = useRestore();
  const fileId = useId();
  /** Export progress (null before the first rows are written), or false when not exporting. */
  const [exporting, setExporting] = useState<number | null | false>(false);
  const { state } = flow;

  const exportNow = async () => {
    setExporting(null);
    try {
      const path = await saveBackupAs(Date.now(), (f) => setExporting(Math.floor(f * 100) / 100));
      if (path) notify('success', `Backup saved to ${path}`);
    } catch (err) {
      notify(
        'error',
        `The backup was not saved (any file already there is unchanged): ${describeError(err)}`,
      );
    } finally {
      setExporting(false);
    }
  };

  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after a refusal
    if (file) void flow.check(fileSource(file));
  };

  return (
    <section className="card settings-section backups" aria-labelledby="settings-backups">
      <h2 id="settings-backups">Backups</h2>
      <p className="muted">
        A backup holds everything: imported packs, your progress and reviews, reading progress, self-test
        history and settings.
      </p>
      <div className="backup-actions">
        <button type="button" disabled={exporting !== false} onClick={() => void exportNow()}>
          Export backup…
        </button>
        <div className="file-picker">
          <label htmlFor={fileId} className="field__label">
            Restore from file…
          </label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            disabled={state.step === 'checking' || state.step === 'restoring'}
            onChange={(e) => chooseFile(e.currentTarget)}
          />
        </div>
      </div>
      {exporting !== false ? <BackupProgress label="Writing the backup…" fraction={exporting} /> : null}
      {state.step === 'checking' ? (
        <BackupProgress label={`Checking ${state.source}…`} fraction={state.fraction} />
      ) : null}
      {state.step === 'refused' ? (
        <div role="alert" className="backup-refused">
          <p>
            <strong>{state.source} was not restored.</strong> Nothing was changed.
          </p>
          <ul>
            {state.issues.map((issue, i) => (
              <li key={i}>{issue}</li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={flow.cancel}>
            Dismiss
          </button>
        </div>
      ) : null}
      <AutoBackupList flow={flow} />
      <RestoreDialog flow={flow} />
    </section>
  );
}
