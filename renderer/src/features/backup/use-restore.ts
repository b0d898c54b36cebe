/**
 * The restore flow shared by "Restore from file…" and the automatic backups: read and check the
 * backup in the worker (showing progress), show what it holds, and only on confirmation read it
 * again and replace the data (one transaction: a refused or failed restore changes nothing).
 */
import { useCallback, useRef, useState } from 'react';
import type { BackupOrigin, BackupSummary } from '../../core/backup';
import type { Diagnostic } from '../../core/pack/diagnostics';
import { summarizeDatabase } from '../../db/repos/backup-repo';
import { db } from '../../db/schema/database';
import { noteRestored } from '../../ops/database-health';
import { useAppStore } from '../../store';
import { runVerify } from './backup-runner';
import type { BackupSource } from './backup-sources';

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

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** A problem as the student reads it: the message, then where (the field of a row, the line). */
export function describeIssue(d: Diagnostic): string {
  const field = d.path && d.path.length > 3 ? d.path.slice(3).join('.') : null;
  const where = [
    field ? `field ${field}` : null,
    d.line !== undefined && !/\bline\b/.test(d.message) ? `line ${thousands(d.line)}` : null,
  ].filter((w) => w !== null);
  return where.length > 0 ? `${d.message} (${where.join(', ')})` : d.message;
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
      const verdict = await runVerify('check', source, progress);
      if (sourceRef.current !== source) return;
      if (!verdict.ok) {
        setState({ step: 'refused', source: label, issues: verdict.issues.map(describeIssue) });
        return;
      }
      const current = await summarizeDatabase(db);
      if (sourceRef.current !== source) return;
      setState({ step: 'confirm', source: label, origin: verdict.origin, summary: verdict.summary, current });
    } catch (err) {
      if (sourceRef.current !== source) return;
      setState({
        step: 'refused',
        source: label,
        issues: [`The file could not be read: ${err instanceof Error ? err.message : String(err)}`],
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
      const verdict = await runVerify('restore', source, progress);
      if (!verdict.ok) {
        // The file changed between the check and the restore.
        setState({ step: 'refused', source: asked.source, issues: verdict.issues.map(describeIssue) });
        return;
      }
      setState({ step: 'idle' });
      const s = verdict.summary;
      // The restored database is the student's now: recorded beside it (a failure here loses nothing).
      await noteRestored(s).catch((err: unknown) => console.error('recording the restore failed:', err));
      notify(
        'success',
        `Restored ${asked.source}: ${thousands(s.packs)} packs, ${thousands(s.questions)} questions, ${thousands(s.reviews)} reviews.`,
      );
    } catch (err) {
      setState(asked);
      notify(
        'error',
        `The restore failed and nothing was changed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }, [state, notify]);

  const cancel = useCallback(() => {
    sourceRef.current = null;
    setState({ step: 'idle' });
  }, []);

  return { state, check, confirm, cancel };
}
