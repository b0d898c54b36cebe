/** The Library's pack management: export as Lectern JSON, .lectern (with media), GIFT or Moodle XML, and remove after a confirmation. */
import { useState } from 'react';
import type { ExportFormat } from '../../ops/export';
import { removePackFromLibrary } from '../../ops/library';
import { useAppStore } from '../../store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import './import.css';
import { describeError } from '../../core/describe-error';
import { formatCount } from '../../ui/count';

export function PackManageActions({
  packId,
  title,
  questionCount,
}: {
  packId: string;
  title: string;
  questionCount: number;
}) {
  const notify = useAppStore((s) => s.notify);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const runExport = async (format: ExportFormat) => {
    try {
      // The exporters (GIFT, Moodle XML, .lectern) load on the first export, not with the Library.
      const { exportPack } = await import('../../ops/export');
      const path = await exportPack(packId, format);
      if (path) notify('success', `Exported “${title}” to ${path}.`);
    } catch (err) {
      notify('error', `Could not export “${title}”: ${describeError(err)}`);
    }
  };

  const runRemove = async () => {
    setBusy(true);
    try {
      await removePackFromLibrary(packId);
      notify('success', `Removed “${title}”.`);
    } catch (err) {
      notify('error', `Could not remove “${title}”: ${describeError(err)}`);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="pack-manage">
      <button type="button" className="secondary" onClick={() => void runExport('json')}>
        Export as Lectern JSON<span className="visually-hidden"> ({title})</span>
      </button>
      <button type="button" className="secondary" onClick={() => void runExport('lectern')}>
        Export as .lectern (with media)<span className="visually-hidden"> ({title})</span>
      </button>
      <button type="button" className="secondary" onClick={() => void runExport('gift')}>
        Export as GIFT<span className="visually-hidden"> ({title})</span>
      </button>
      <button type="button" className="secondary" onClick={() => void runExport('moodlexml')}>
        Export as Moodle XML<span className="visually-hidden"> ({title})</span>
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        Remove<span className="visually-hidden"> {title}</span>
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${title} and its ${formatCount(questionCount, 'question')} and review history?`}
        confirmLabel="Remove pack"
        danger
        busy={busy}
        onConfirm={() => void runRemove()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Its chapters, questions, your progress and every review of them are deleted. Make a backup or export
          the pack first if you may want it back.
        </p>
      </ConfirmDialog>
    </div>
  );
}
