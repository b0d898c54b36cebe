/**
 * The backup worker's side: exports, checks and restores with the database of the worker's own
 * context, taking and handing over file text through the page (see `protocol.ts`).
 */

import { bytesToBase64, createGzipWriter } from '../../core/backup/gzip';
import { describeError } from '../../core/describe-error';
import {
  type BackupVerdict,
  checkBackup,
  exportBackup,
  restoreBackup,
  type TextSource,
} from '../../db/repos/backup-repo';
import type { LecternDb } from '../../db/schema/database';
import { describeStorageError } from '../../db/schema/storage-errors';
import { warmCardColumns, warmReviewColumns } from '../review-log-upkeep';
import type { BackupPort, FromBackupWorker, ToBackupWorker } from './protocol';

/** Progress messages at most every half per cent: a million reviews must not flood the page. */
function progressSender(send: (m: FromBackupWorker) => void): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const fraction = total > 0 ? done / total : 1;
    if (fraction >= 1 || fraction - last >= 0.005) {
      last = fraction;
      send({ type: 'progress', done, total });
    }
  };
}

/** Thrown when the page stops a run (a part it could not write, a file it could not read). */
class StoppedByPage extends Error {}

/** Serves backup requests arriving on `port` (one at a time), with `db`. */
export function serveBackupWorker(port: BackupPort, db: LecternDb): void {
  let answer: ((m: ToBackupWorker) => void) | null = null;
  const send = (m: FromBackupWorker) => port.postMessage(m);
  const reply = () => new Promise<ToBackupWorker>((resolve) => (answer = resolve));

  const source: TextSource = async () => {
    send({ type: 'need' });
    const m = await reply();
    if (m.type === 'text') return m.text;
    if (m.type === 'end') return null;
    throw new StoppedByPage(m.type === 'source-failed' ? m.message : `unexpected "${m.type}"`);
  };

  async function run(m: Extract<ToBackupWorker, { type: 'export' | 'check' | 'restore' }>): Promise<void> {
    if (m.type === 'export') {
      // One part may be in flight: the next is made while the page writes the last.
      let inFlight: Promise<void> = Promise.resolve();
      const acknowledged = async () => {
        const r = await reply();
        if (r.type !== 'written')
          throw new StoppedByPage(r.type === 'stop' ? r.message : `unexpected "${r.type}"`);
      };
      // The text is compressed here, in the worker (format 3), and crosses to main as base64.
      const gzip = createGzipWriter(async (chunk) => {
        await inFlight;
        send({ type: 'part', base64: bytesToBase64(chunk) });
        inFlight = acknowledged();
        inFlight.catch(() => {}); // rethrown by the next await
      }, m.partChars);
      const summary = await exportBackup(
        db,
        { now: m.now, appVersion: m.appVersion },
        (text) => gzip.write(text),
        { partChars: m.partChars, onProgress: progressSender(send) },
      );
      await gzip.finish();
      await inFlight;
      send({ type: 'exported', summary });
      return;
    }
    const verdict: BackupVerdict =
      m.type === 'check' ? await checkBackup(source) : await restoreBackup(db, source);
    // A restore replaced the review log and with it the statistics' day cache: it is built again
    // now, once, so their first opening reads cached days, not every review (issue 16).
    if (m.type === 'restore' && verdict.ok) {
      await warmReviewColumns(db).catch(() => 0);
      await warmCardColumns(db).catch(() => false);
    }
    send({ type: 'verdict', verdict });
  }

  port.onmessage = (event: MessageEvent) => {
    const m = event.data as ToBackupWorker;
    if (m.type === 'export' || m.type === 'check' || m.type === 'restore') {
      run(m).catch((err: unknown) =>
        send({
          type: 'failed',
          message:
            err instanceof StoppedByPage
              ? err.message
              : m.type === 'restore'
                ? describeStorageError(err, 'the restored data')
                : describeError(err),
        }),
      );
      return;
    }
    const waiting = answer;
    answer = null;
    waiting?.(m);
  };
}
