/**
 * The import worker: decodes, detects and reads a pack file, compares it with what is stored, and on
 * request stores it in one transaction — all off the window's thread, so the window stays responsive
 * for large files. The window's live queries see the writes through Dexie's cross-context broadcast.
 */
import { decodePackBytes, readPackFile } from '../../core/formats';
import type { AnkiHistory } from '../../core/formats/anki/history';
import type { AnkiReadResult } from '../../core/formats/anki/read-anki';
import { hashHex } from '../../core/pack/hash';
import type { PackMedia } from '../../core/pack/media';
import type { Pack } from '../../core/pack/schema';
import { applyImport, identifyPack, previewImport } from '../../db/repos/import-repo';
import type { PackMeta } from '../../db/repos/packs-repo';
import { db } from '../../db/schema/database';
import { describeStorageError } from '../../db/schema/storage-errors';
import { importAnkiHistory } from '../anki-history';
import type { FromWorker, ToWorker } from './protocol';
import { summarizeImport } from './summary';

interface Held {
  pack: Pack;
  meta: PackMeta;
  expectUpdatedAt: number | null;
  /** An Anki package's media (stored by the media code) and review history (imported on request). */
  media?: PackMedia[];
  history?: AnkiHistory[];
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

/** Takes an Anki package the window had read (see anki-reader.ts) on like any read file. */
async function readAnki(fileName: string, result: AnkiReadResult): Promise<void> {
  if (!result.ok) {
    const errors = result.issues.filter((d) => d.severity !== 'warning');
    const warnings = result.issues.filter((d) => d.severity === 'warning');
    send({ type: 'problems', format: 'anki', errors, warnings });
    return;
  }
  const pack = await identifyPack(db, result.pack, { format: 'anki', fileName, idGiven: false });
  const preview = await previewImport(db, pack);
  held = {
    pack,
    meta: { origin: 'imported', format: 'anki', fileName, contentHash: hashHex(JSON.stringify(pack), 20) },
    expectUpdatedAt: preview.kind === 'update' ? preview.stored.updatedAt : null,
    media: result.media,
    history: result.history,
  };
  const summary = summarizeImport(pack, fileName, 'anki', result.warnings, preview);
  const reviews = result.history.reduce((n, h) => n + h.reviews.length, 0);
  if (reviews > 0)
    summary.history = { cards: result.history.filter((h) => h.reviews.length > 0).length, reviews };
  send({ type: 'summary', summary });
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

async function apply(now: number, withHistory: boolean): Promise<void> {
  if (!held) {
    send({ type: 'failed', message: 'There is no read file to import.' });
    return;
  }
  const { pack, meta, expectUpdatedAt, history } = held;
  const res = await applyImport(db, pack, meta, now, {
    expectUpdatedAt,
    onProgress: progressSender('storing'),
  });
  held = null;
  if (!res.ok) {
    send({ type: 'failed', message: res.message });
    return;
  }
  // The pack is stored; its history follows in a transaction of its own (a pack without it is whole).
  const imported =
    withHistory && history?.length ? await importAnkiHistory(db, pack, history, now) : undefined;
  send(
    imported
      ? { type: 'stored', counts: res.counts, history: imported }
      : { type: 'stored', counts: res.counts },
  );
}

// Open the database while the student is still choosing a file (an error surfaces at first use).
db.open().catch(() => {});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const work =
    message.type === 'read'
      ? read(message)
      : message.type === 'read-anki'
        ? readAnki(message.fileName, message.result)
        : apply(message.now, message.history === true);
  work.catch((err: unknown) => send({ type: 'failed', message: describeStorageError(err, 'the pack') }));
};
