/**
 * The restore flow shared by "Restore from file…" and the automatic backups: read and check the
 * backup in the worker (showing progress), show what it holds, and only on confirmation read it
 * again and replace the data (one transaction: a refused or failed restore changes nothing).
 */
import { useCallback, useRef, useState } from 'react';
import type { BackupOrigin, BackupSummary } from '../../core/backup';
import { describeError } from '../../core/describe-error';
import {
  type BackupSource,
  checkBackupSource,
  describeRestored,
  restoreBackupSource,
} from '../../ops/backup';
import { useAppStore } from '../../store';

/** Progress 0..1, or null before the first part. */
type Fraction = number | null;

export type RestoreState =
  | { step: 'idle' }
  | { step: 'checking'; source: string; fraction: Fraction }
  | { step: 'refused'; source: string; issues: string[] }
  | { step: 'confirm'; source: string; origin: BackupOrigin; summary: BackupSummary; current: BackupSummary }
  | {
      step: 'restoring';
      source: string;
      origin: BackupOrigin;
      summary: BackupSummary;
      current: BackupSummary;
      fraction: Fraction;
    };

export interface RestoreFlow {
  state: RestoreState;
  /** Checks a backup (a chosen file or an automatic backup) and asks for confirmation. */
  check: (source: BackupSource) => Promise<void>;
  confirm: () => Promise<void>;
  cancel: () => void;
}

/** Calls `set` with the fraction rounded to whole per cent, only when that changes. */
function percentSteps(set: (fraction: number) => void): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const step = Math.floor(fraction * 100);
    if (step !== last) {
      last = step;
      set(step / 100);
    }
  };
}

export function useRestore(): RestoreFlow {
  const notify = useAppStore((s) => s.notify);
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const sourceRef = useRef<BackupSource | null>(null);

  const check = useCallback(async (source: BackupSource) => {
    const label = source.label;
    sourceRef.current = source;
    setState({ step: 'checking', source: label, fraction: null });
    const progress = percentSteps((fraction) =>
      setState((s) => (s.step === 'checking' && sourceRef.current === source ? { ...s, fraction } : s)),
    );
    try {
      const checked = await checkBackupSource(source, progress);
      if (sourceRef.current !== source) return;
      if (!checked.ok) {
        setState({ step: 'refused', source: label, issues: checked.issues });
        return;
      }
      const { origin, summary, current } = checked;
      setState({ step: 'confirm', source: label, origin, summary, current });
    } catch (err) {
      if (sourceRef.current !== source) return;
      setState({
        step: 'refused',
        source: label,
        issues: [`The file could not be read: ${describeError(err)}`],
      });
    }
  }, []);

  const confirm = useCallback(async () => {
    const source = sourceRef.current;
    if (state.step !== 'confirm' || !source) return;
    const asked = state;
    setState({ ...asked, step: 'restoring', fraction: null });
    const progress = percentSteps((fraction) =>
      setState((s) => (s.step === 'restoring' ? { ...s, fraction } : s)),
    );
    try {
      const restored = await restoreBackupSource(source, progress);
      if (!restored.ok) {
        // The file changed between the check and the restore.
        setState({ step: 'refused', source: asked.source, issues: restored.issues });
        return;
      }
      setState({ step: 'idle' });
      notify('success', describeRestored(asked.source, restored.summary));
    } catch (err) {
      setState(asked);
      notify('error', `The restore failed and nothing was changed: ${describeError(err)}`);
    }
  }, [state, notify]);

  const cancel = useCallback(() => {
    sourceRef.current = null;
    setState({ step: 'idle' });
  }, []);

  return { state, check, confirm, cancel };
}
