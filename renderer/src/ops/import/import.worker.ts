/**
 * The import worker: decodes, detects and reads a pack file, compares it with what is stored, and on
 * request stores it in one transaction — all off the window's thread, so the window stays responsive
 * for large files. The window's live queries see the writes through Dexie's cross-context broadcast.
 */
import { decodePackBytes, readPackFile } from '../../core/formats';
import type { AnkiHistory } from '../../core/formats/anki/history';
import type { AnkiReadResult } from '../../core/formats/anki/read-anki';
import { readLecternZip } from '../../core/formats/lectern-zip/read-lectern-zip';
import { isLecternZipName, isZipBytes } from '../../core/formats/lectern-zip/zip-magic';
import type { Diagnostic } from '../../core/pack/diagnostics';
import { hashHex } from '../../core/pack/hash';
import type { PackMedia } from '../../core/pack/media';
import type { Pack } from '../../core/pack/schema';
import { identifyPack, previewImport } from '../../db/repos/import-repo';
import { applyImportWithMedia, hashPackMedia } from '../../db/repos/media-repo';
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
  /** The file's media (a `.lectern` zip's `media/`, a Moodle XML bank's files, an Anki package's). */
  media?: PackMedia[] | undefined;
  /** An Anki package's review history (imported on request). */
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

/** A read file: the pack (with its media, if the format carries any) or its problems. */
type Read = ReturnType<typeof readPackFile> & { media?: PackMedia[]; contentHash?: string };

/** Reads a `.lectern` zip (recognised by its bytes and its name), or any text format. */
function readFile(message: Extract<ToWorker, { type: 'read' }>): Read | { undecodable: Diagnostic } {
  if ('bytes' in message) {
    const bytes = new Uint8Array(message.bytes);
    if (isZipBytes(bytes) && isLecternZipName(message.fileName)) {
      const zip = readLecternZip(bytes);
      if (!zip.ok) return { ...zip, format: 'lectern' };
      const contentHash = hashHex(
        JSON.stringify(zip.pack) + zip.media.map((m) => `${m.name}:${m.bytes.length}`).join('|'),
        20,
      );
      return { ...zip, format: 'lectern', idGiven: true, contentHash };
    }
  }
  const decoded = decodePackBytes('bytes' in message ? new Uint8Array(message.bytes) : message.text);
  if (!decoded.ok) return { undecodable: decoded.issue };
  const result: Read = readPackFile(message.fileName, decoded.text, {
    onProgress: progressSender('reading'),
    excerpts: true,
  });
  return result.ok ? { ...result, contentHash: hashHex(decoded.text, 20) } : result;
}

async function read(message: Extract<ToWorker, { type: 'read' }>): Promise<void> {
  const result = readFile(message);
  if ('undecodable' in result) {
    send({ type: 'problems', format: null, errors: [result.undecodable], warnings: [] });
    return;
  }
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
      contentHash: result.contentHash ?? '',
    },
    expectUpdatedAt: preview.kind === 'update' ? preview.stored.updatedAt : null,
    media: result.media,
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
  const { pack, meta, expectUpdatedAt, media, history } = held;
  const hashed = media?.length ? await hashPackMedia(media) : undefined;
  const res = await applyImportWithMedia(db, pack, meta, now, hashed, {
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
