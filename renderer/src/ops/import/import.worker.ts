/**
 * The import worker: decodes, detects and reads a pack file, compares it with what is stored, and on
 * request stores it in one transaction — all off the window's thread, so the window stays responsive
 * for large files. The window's live queries see the writes through Dexie's cross-context broadcast.
 */
import { decodePackBytes, readPackFile } from '../../core/formats';
import { hashHex } from '../../core/pack/hash';
import type { Pack } from '../../core/pack/schema';
import { applyImport, identifyPack, previewImport } from '../../db/repos/import-repo';
import type { PackMeta } from '../../db/repos/packs-repo';
import { db } from '../../db/schema/database';
import { describeStorageError } from '../../db/schema/storage-errors';
import type { FromWorker, ToWorker } from './protocol';
import { summarizeImport } from './summary';

interface Held {
  pack: Pack;
  meta: PackMeta;
  expectUpdatedAt: number | null;
}

let held: Held | null = null;

function send(message: FromWorker): void {
  self.postMessage(message);
}

/** Progress messages at most every 1%: a 100k-question file must not flood the window. */
function progressSender(stage: 'reading' | 'storing'): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (fraction >= 1 || fraction - last >= 0.01) {
      last = fraction;
      send({ type: 'progress', stage, fraction });
    }
  };
}

async function read(message: Extract<ToWorker, { type: 'read' }>): Promise<void> {
  const decoded = decodePackBytes('bytes' in message ? new Uint8Array(message.bytes) : message.text);
  if (!decoded.ok) {
    send({ type: 'problems', format: null, errors: [decoded.issue], warnings: [] });
    return;
  }
  const result = readPackFile(message.fileName, decoded.text, {
    onProgress: progressSender('reading'),
    excerpts: true,
  });
  if (!result.ok) {
    const errors = result.issues.filter((d) => d.severity !== 'warning');
    const warnings = result.issues.filter((d) => d.severity === 'warning');
    send({ type: 'problems', format: result.format, errors, warnings });
    return;
  }
  const pack = await identifyPack(db, result.pack, {
    format: result.format,
    fileName: message.fileName,
    idGiven: result.idGiven,
  });
  const preview = await previewImport(db, pack);
  held = {
    pack,
    meta: {
      origin: 'imported',
      format: result.format,
      fileName: message.fileName,
      contentHash: hashHex(decoded.text, 20),
    },
    expectUpdatedAt: preview.kind === 'update' ? preview.stored.updatedAt : null,
  };
  send({
    type: 'summary',
    summary: summarizeImport(pack, message.fileName, result.format, result.warnings, preview),
  });
}

async function apply(now: number): Promise<void> {
  if (!held) {
    send({ type: 'failed', message: 'There is no read file to import.' });
    return;
  }
  const { pack, meta, expectUpdatedAt } = held;
  const res = await applyImport(db, pack, meta, now, {
    expectUpdatedAt,
    onProgress: progressSender('storing'),
  });
  held = null;
  send(res.ok ? { type: 'stored', counts: res.counts } : { type: 'failed', message: res.message });
}

// Open the database while the student is still choosing a file (an error surfaces at first use).
db.open().catch(() => {});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const work = message.type === 'read' ? read(message) : apply(message.now);
  work.catch((err: unknown) => send({ type: 'failed', message: describeStorageError(err, 'the pack') }));
};
