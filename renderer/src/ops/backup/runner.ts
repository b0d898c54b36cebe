/**
 * The page's side of the backup worker: it carries parts between the worker and main (or a chosen
 * file), one at a time, and reports progress. Each run gets its own worker, ended when it finishes.
 */

import type { BackupSummary } from '../../core/backup';
import { BackupFileError } from '../../core/backup/gzip';
import { describeError } from '../../core/describe-error';
import type { BackupVerdict } from '../../db/repos/backup-repo';
import { type BackupTarget, type BackupWritten, invoke } from '../../platform/bridge';
import type { BackupPort, FromBackupWorker, ToBackupWorker } from './protocol';
import { type BackupSource, damageInRest, type SourcePart } from './sources';

/** A worker (or, in tests, one end of a MessageChannel) to run one backup task. */
export interface BackupChannel extends BackupPort {
  close(): void;
}

/** Starts the backup worker. */
export function startBackupWorker(): BackupChannel {
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), {
    type: 'module',
    name: 'backup',
  });
  return {
    postMessage: (m) => worker.postMessage(m),
    get onmessage() {
      return worker.onmessage;
    },
    set onmessage(fn) {
      worker.onmessage = fn;
      worker.onerror = (event) => {
        event.preventDefault();
        fn?.call(worker, {
          data: {
            type: 'failed',
            message: `The backup worker stopped unexpectedly (${event.message || 'its script did not load or it ran out of memory'}).`,
          } satisfies FromBackupWorker,
        } as MessageEvent);
      };
    },
    close: () => worker.terminate(),
  };
}

/** Progress as a fraction 0..1. */
export type OnFraction = (fraction: number) => void;

/**
 * Writes a backup to `target` through main, in parts: null when the user cancelled the save dialog.
 * If anything fails, main drops the unfinished file (an existing file there is untouched).
 */
export async function runExport(
  target: BackupTarget,
  meta: { now: number; appVersion: string; partChars?: number },
  onProgress?: OnFraction,
  makeChannel: () => BackupChannel = startBackupWorker,
): Promise<{ written: BackupWritten; summary: BackupSummary } | null> {
  const begun = await invoke('backup:write-begin', target);
  if (!begun.ok) throw new Error(begun.error.message);
  if (!begun.value) return null;
  const { id } = begun.value;
  const channel = makeChannel();
  try {
    try {
      const summary = await new Promise<BackupSummary>((resolve, reject) => {
        let failure: Error | null = null;
        const post = (m: ToBackupWorker) => channel.postMessage(m);
        channel.onmessage = (event) => {
          const m = event.data as FromBackupWorker;
          if (m.type === 'part') {
            void invoke('backup:write-part', { id, base64: m.base64 }).then((res) => {
              if (res.ok) post({ type: 'written' });
              else {
                failure = new Error(res.error.message);
                post({ type: 'stop', message: res.error.message });
              }
            });
          } else if (m.type === 'progress') onProgress?.(m.total > 0 ? m.done / m.total : 1);
          else if (m.type === 'exported') resolve(m.summary);
          else if (m.type === 'failed') reject(failure ?? new Error(m.message));
        };
        post({ type: 'export', now: meta.now, appVersion: meta.appVersion, partChars: meta.partChars });
      });
      const end = await invoke('backup:write-end', { id });
      if (!end.ok) throw new Error(end.error.message);
      return { written: end.value, summary };
    } catch (err) {
      await invoke('backup:write-abort', { id });
      throw err;
    }
  } finally {
    channel.close();
  }
}

/**
 * Reads `source` through the worker: `check` verifies it and stores nothing; `restore` verifies it
 * while replacing every table in one transaction (a refusal or failure changes nothing). Rejects with
 * a message when the file cannot be read or the data cannot be stored.
 */
export async function runVerify(
  mode: 'check' | 'restore',
  source: BackupSource,
  onProgress?: OnFraction,
  makeChannel: () => BackupChannel = startBackupWorker,
): Promise<BackupVerdict> {
  const reader = await source.open();
  try {
    const channel = makeChannel();
    try {
      // One part is read ahead while the worker works on the last: reading (IPC from main, or the
      // disk) and parsing overlap, and at most two parts are held.
      let ahead: Promise<SourcePart | null> | null = null;
      const verdict = await new Promise<BackupVerdict>((resolve, reject) => {
        let failure: Error | null = null;
        const post = (m: ToBackupWorker) => channel.postMessage(m);
        const readAhead = () => {
          ahead = reader.next();
          ahead.catch(() => {}); // a failure is reported when the part is asked for
        };
        channel.onmessage = (event) => {
          const m = event.data as FromBackupWorker;
          if (m.type === 'need') {
            const part = ahead ?? reader.next();
            ahead = null;
            part.then(
              (p) => {
                if (!p) return post({ type: 'end' });
                readAhead();
                onProgress?.(source.bytes > 0 ? Math.min(1, p.bytesRead / source.bytes) : 1);
                post({ type: 'text', text: p.text });
              },
              (err: unknown) => {
                failure = new Error(describeError(err));
                post({ type: 'source-failed', message: describeError(err) });
              },
            );
          } else if (m.type === 'verdict') resolve(m.verdict);
          else if (m.type === 'failed') reject(failure ?? new Error(m.message));
        };
        post({ type: mode });
      });
      if (!verdict.ok) {
        // A refused compressed file: its own damage, found further on, says more than a bad row.
        const pending = ahead as Promise<SourcePart | null> | null;
        const damage = await (pending ?? Promise.resolve(null)).then(
          () => damageInRest(reader),
          (err: unknown) => (err instanceof BackupFileError ? err : null),
        );
        if (damage) throw new Error(damage.message);
      }
      return verdict;
    } finally {
      channel.close();
    }
  } finally {
    await reader.close();
  }
}
