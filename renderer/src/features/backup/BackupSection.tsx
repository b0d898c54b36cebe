/** Backups: export everything to a file, restore from a file, and the automatic backups. */
import { useId, useState } from 'react';
import { db } from '../../db/db';
import { useAppStore } from '../../store';
import { AutoBackupList } from './AutoBackupList';
import { saveBackupAs } from './backup-actions';
import { RestoreDialog } from './RestoreDialog';
import { useRestore } from './use-restore';
import './backup.css';

export function BackupSection() {
  const notify = useAppStore((s) => s.notify);
  const flow = useRestore();
  const fileId = useId();
  const [exporting, setExporting] = useState(false);
  const { state } = flow;

  const exportNow = async () => {
    setExporting(true);
    try {
      const path = await saveBackupAs(db, Date.now());
      if (path) notify('success', `Backup saved to ${path}`);
    } catch (err) {
      notify('error', `The backup was not saved: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const chooseFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after a refusal
    if (file) void flow.check(`“${file.name}”`, () => file.text());
  };

  return (
    <section className="card settings-section backups" aria-labelledby="settings-backups">
      <h2 id="settings-backups">Backups</h2>
      <p className="muted">
        A backup holds everything: imported packs, your progress and reviews, reading progress, self-test
        history and settings.
      </p>
      <div className="backup-actions">
        <button type="button" disabled={exporting} onClick={() => void exportNow()}>
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
      {exporting ? (
        <p>
          <label>
            Writing the backup…
            <progress className="progress" />
          </label>
        </p>
      ) : null}
      {state.step === 'checking' ? (
        <p>
          <label>
            Checking {state.source}…
            <progress className="progress" />
          </label>
        </p>
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
