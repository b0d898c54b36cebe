/**
 * Settings ▸ Sync as the student sees it: the folder, this device, the last sync and what it brought
 * in, files that could not be read, "Sync now" (with progress and Cancel) and "Stop syncing". What it
 * shows comes in through props (`SyncSettings` connects it to the sync engine).
 */
import { useId, useState } from 'react';
import { z } from 'zod';
import type { SyncProgress } from '../../ops/sync/screen';
import type { SyncStatus } from '../../ops/sync/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { BackupProgress } from '../backup/BackupProgress';
import { describeIncoming, describeSyncState } from './sync-words';
import { TextField } from './TextField';
import './sync.css';

export const deviceNameSchema = z
  .string()
  .trim()
  .min(1, 'give this device a name, e.g. “Laptop”')
  .max(60, 'at most 60 characters');

export interface SyncPanelProps {
  status: SyncStatus;
  /** The folder is set by `LECTERN_SYNC_DIR` and cannot be changed here. */
  fixed: boolean;
  /**
   * Progress of the sync the student started here, or null. Syncs the app starts by itself (timer,
   * folder changes, after studying) only show "Syncing…": they never take a button away.
   */
  progress: SyncProgress | null;
  now: number;
  onChooseFolder: () => void;
  onStop: () => Promise<boolean>;
  onSyncNow: () => void;
  onCancel: () => void;
  onRename: (name: string) => Promise<unknown>;
}

export function SyncPanel(props: SyncPanelProps) {
  const { status, fixed, progress, now } = props;
  const [asking, setAsking] = useState(false);
  const [stopping, setStopping] = useState(false);
  const unreadableId = useId();
  const running = status.running || progress !== null;

  const stop = async () => {
    setStopping(true);
    try {
      if (await props.onStop()) setAsking(false);
    } finally {
      setStopping(false);
    }
  };

  return (
    <section className="card settings-section sync" aria-labelledby="settings-sync">
      <h2 id="settings-sync">Sync</h2>
      <p className="muted">
        Keep your other computers in step through a folder that Syncthing, Dropbox, iCloud Drive, OneDrive or
        Google Drive already keeps in step — no account and no server of ours. Each device writes only its own
        files there, so the folder never gets conflict copies.
      </p>
      <details className="sync-what">
        <summary>What is synced</summary>
        <p>
          Synced: your answers and reviews (so every device schedules the same cards), suspended and flagged
          questions, study and scheduling settings, reading progress, and the packs you import, update or
          remove.
        </p>
        <p>
          Not synced: images and sounds of imported packs, self-test history, theme and text size, automatic
          backups (each computer keeps its own), and which folder each computer syncs through.
        </p>
      </details>

      {status.folder ? (
        <dl className="sync-facts">
          <dt>Folder</dt>
          <dd className="sync-path">{status.folder}</dd>
          <dt>This device’s id</dt>
          <dd>
            <code>{status.device.id}</code>
          </dd>
        </dl>
      ) : (
        <p>Sync is off: choose a folder that your sync program or cloud drive keeps in step.</p>
      )}
      {fixed ? (
        <p className="field__hint">The folder is set by LECTERN_SYNC_DIR when Lectern starts.</p>
      ) : null}

      <TextField
        label="This device’s name"
        value={status.device.name}
        schema={deviceNameSchema}
        hint="How your other devices name this one, e.g. “Synced 14:05 with Laptop”."
        onSave={props.onRename}
      />

      {status.folder ? (
        <>
          <p role="status" className="sync-state">
            {describeSyncState({ ...status, running }, now)}
          </p>
          {status.lastIncoming && !running ? <p>{describeIncoming(status.lastIncoming, now)}</p> : null}
          {status.error ? (
            <p role="alert" className="sync-error">
              The last sync failed: {status.error}
            </p>
          ) : null}
          {progress ? (
            <BackupProgress
              label={progress.label}
              fraction={progress.total > 0 ? Math.min(1, progress.done / progress.total) : null}
            />
          ) : null}
        </>
      ) : null}

      <div className="backup-actions">
        {status.folder ? (
          // One button that changes its label, so focus stays on it when a sync starts or ends.
          <button
            type="button"
            className={progress ? 'secondary' : undefined}
            onClick={progress ? props.onCancel : props.onSyncNow}
          >
            {progress ? 'Cancel sync' : 'Sync now'}
          </button>
        ) : null}
        {fixed ? null : (
          <button
            type="button"
            className="secondary"
            disabled={progress !== null}
            onClick={props.onChooseFolder}
          >
            {status.folder ? 'Choose another folder…' : 'Choose sync folder…'}
          </button>
        )}
        {status.folder && !fixed ? (
          <button
            type="button"
            className="secondary"
            disabled={progress !== null}
            onClick={() => setAsking(true)}
          >
            Stop syncing…
          </button>
        ) : null}
      </div>

      {status.unreadable.length > 0 ? (
        <div className="sync-unreadable">
          <h3 id={unreadableId}>Files that could not be read</h3>
          <p className="field__hint">
            Nothing from them was applied. A file that is still being copied is read again at the next sync.
          </p>
          <table aria-labelledby={unreadableId}>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">File</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {status.unreadable.map((u) => (
                <tr key={`${u.device}/${u.file}`}>
                  <td>{u.device}</td>
                  <td className="sync-path">{u.file}</td>
                  <td>{u.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <ConfirmDialog
        open={asking}
        title="Stop syncing?"
        confirmLabel="Stop syncing"
        busy={stopping}
        onConfirm={() => void stop()}
        onCancel={() => setAsking(false)}
      >
        <p>
          This device stops reading and writing the sync folder. Everything on this device stays as it is, and
          the folder keeps its files: your other devices keep what they have, and you can choose the folder
          again later to carry on.
        </p>
      </ConfirmDialog>
    </section>
  );
}
