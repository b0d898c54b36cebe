/** Shows what a checked backup holds beside what is stored now, and asks before replacing anything. */
import { BACKUP_TABLES, type BackupCounts, type BackupTableName } from '../../core/backup';
import { ConfirmDialog } from '../settings/ConfirmDialog';
import type { RestoreFlow } from './use-restore';

const TABLE_LABELS: Record<BackupTableName, string> = {
  packs: 'Packs',
  questions: 'Questions',
  cards: 'Question progress',
  reviews: 'Reviews',
  reading: 'Chapters opened',
  settings: 'Settings',
  selftests: 'Self-tests',
};

function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function RestoreDialog({ flow }: { flow: RestoreFlow }) {
  const { state } = flow;
  const open = state.step === 'confirm' || state.step === 'restoring';
  const counts: BackupCounts | null = open ? state.counts : null;
  const current: BackupCounts | null = open ? state.current : null;
  return (
    <ConfirmDialog
      open={open}
      title="Restore this backup?"
      confirmLabel="Replace my data with this backup"
      danger
      busy={state.step === 'restoring'}
      onConfirm={() => void flow.confirm()}
      onCancel={flow.cancel}
    >
      {open ? (
        <>
          <p>
            <strong>{state.source}</strong> is a complete Lectern backup from{' '}
            {formatDate(state.backup.createdAt)} (Lectern {state.backup.app.version}).
          </p>
          <table className="restore-counts">
            <caption className="visually-hidden">What the backup holds and what is stored now</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">In the backup</th>
                <th scope="col">Stored now</th>
              </tr>
            </thead>
            <tbody>
              {BACKUP_TABLES.map((t) => (
                <tr key={t}>
                  <th scope="row">{TABLE_LABELS[t]}</th>
                  <td>{counts?.[t] ?? 0}</td>
                  <td>{current?.[t] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Everything stored now is replaced by the backup. Make a backup first if you may want it back.</p>
          {state.step === 'restoring' ? (
            <p>
              <label>
                Restoring…
                <progress className="progress" />
              </label>
            </p>
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
