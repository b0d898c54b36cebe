/** "Reset progress…" for one pack: says what will be lost, asks, then starts the pack over. */
import { useState } from 'react';
import { describeError } from '../../core/describe-error';
import { measurePackReset, type ResetImpact, resetPack } from '../../ops/settings';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatCount } from '../../ui/count';

export function ResetProgress({ packId, title }: { packId: string; title: string }) {
  const notify = useAppStore((s) => s.notify);
  const [impact, setImpact] = useState<ResetImpact | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = async () => {
    try {
      setImpact(await measurePackReset(packId));
    } catch (err) {
      notify('error', `Could not read the progress of ${title}: ${String(err)}`);
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      const done = await resetPack(packId, Date.now());
      notify(
        'success',
        `${title}: progress reset — ${formatCount(done.newAgain, 'question')} ${done.newAgain === 1 ? 'is' : 'are'} new again and ${formatCount(done.reviews, 'review')} ${done.reviews === 1 ? 'was' : 'were'} removed.`,
      );
      setImpact(null);
    } catch (err) {
      notify('error', `Nothing was reset: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="secondary" onClick={() => void ask()}>
        Reset progress of {title}…
      </button>
      <ConfirmDialog
        open={impact !== null}
        title={`Reset progress of ${title}?`}
        confirmLabel="Reset progress"
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setImpact(null)}
      >
        <p>
          All {impact?.newAgain ?? 0} answered questions of this pack become new again and its{' '}
          {impact?.reviews ?? 0} reviews are deleted, so its statistics start over. Reading progress is kept,
          and so are the suspended and flagged marks (a suspended question stays suspended).
        </p>
        <p>This cannot be undone, except by restoring a backup made before.</p>
      </ConfirmDialog>
    </>
  );
}
