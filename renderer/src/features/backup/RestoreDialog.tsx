/** Shows what a checked backup holds beside what is stored now, and asks before replacing anything. */
import type { BackupSummary } from '../../core/backup';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatFileTime } from '../../ui/format';
import { BackupProgress } from './BackupProgress';
import type { RestoreFlow } from './use-restore';

const ROWS: [keyof BackupSummary, string][] = [
  ['packs', 'Packs'],
  ['questions', 'Questions'],
  ['cards', 'Questions started'],
  ['reviews', 'Reviews'],
  ['reading', 'Chapters opened'],
  ['settings', 'Settings'],
  ['selftests', 'Self-tests'],
];

export function RestoreDialog({ flow }: { flow: RestoreFlow }) {
  const { state } = flow;
  const open = state.step === 'confirm' || state.step === 'restoring';
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
            {formatFileTime(state.origin.createdAt)} (Lectern {state.origin.app.version}
            {state.origin.formatVersion < 2
              ? ', an earlier backup format: it is converted as it is restored'
              : ''}
            ).
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
              {ROWS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{state.summary[key].toLocaleString()}</td>
                  <td>{state.current[key].toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Everything stored now is replaced by the backup. Make a backup first if you may want it back.</p>
          {state.step === 'restoring' ? (
            <BackupProgress label="Restoring…" fraction={state.fraction} />
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
