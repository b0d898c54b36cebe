/**
 * The restore flow shared by "Restore from file…" and the automatic backups: check the text, show what
 * it holds, and only on confirmation replace the data (one transaction; a refused file changes nothing).
 */
import { useCallback, useState } from 'react';
import type { Backup, BackupCounts } from '../../core/backup';
import { parseBackup } from '../../core/backup';
import type { Diagnostic } from '../../core/pack/diagnostics';
import { countTables, restoreBackup } from '../../db/backup-repo';
import { db } from '../../db/db';
import { useAppStore } from '../../store';

export type RestoreState =
  | { step: 'idle' }
  | { step: 'checking'; source: string }
  | { step: 'refused'; source: string; issues: string[] }
  | { step: 'confirm'; source: string; backup: Backup; counts: BackupCounts; current: BackupCounts }
  | { step: 'restoring'; source: string; backup: Backup; counts: BackupCounts; current: BackupCounts };

export interface RestoreFlow {
  state: RestoreState;
  /** Checks a backup's text (from a file or an automatic backup) and asks for confirmation. */
  check: (source: string, load: () => Promise<string>) => Promise<void>;
  confirm: () => Promise<void>;
  cancel: () => void;
}

/** Lets the progress message paint before a long synchronous parse. */
const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

/** The messages are written for the student; a row's place is added where one is named. */
function explainIssues(issues: Diagnostic[]): string[] {
  return issues.map((d) =>
    d.path && d.path.length >= 3 ? `${d.message} (at ${d.path.join(' › ')})` : d.message,
  );
}

export function useRestore(): RestoreFlow {
  const notify = useAppStore((s) => s.notify);
  const [state, setState] = useState<RestoreState>({ step: 'idle' });

  const check = useCallback(async (source: string, load: () => Promise<string>) => {
    setState({ step: 'checking', source });
    try {
      const text = await load();
      await nextFrame();
      const parsed = parseBackup(text);
      if (!parsed.ok) {
        setState({ step: 'refused', source, issues: explainIssues(parsed.issues) });
        return;
      }
      const current = await countTables(db);
      setState({ step: 'confirm', source, backup: parsed.backup, counts: parsed.counts, current });
    } catch (err) {
      setState({
        step: 'refused',
        source,
        issues: [`The file could not be read: ${err instanceof Error ? err.message : String(err)}`],
      });
    }
  }, []);

  const confirm = useCallback(async () => {
    if (state.step !== 'confirm') return;
    setState({ ...state, step: 'restoring' });
    try {
      const counts = await restoreBackup(db, state.backup);
      setState({ step: 'idle' });
      notify(
        'success',
        `Restored ${state.source}: ${counts.packs} packs, ${counts.questions} questions, ${counts.reviews} reviews.`,
      );
    } catch (err) {
      setState({ ...state, step: 'confirm' });
      notify(
        'error',
        `The restore failed and nothing was changed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }, [state, notify]);

  const cancel = useCallback(() => setState({ step: 'idle' }), []);

  return { state, check, confirm, cancel };
}
