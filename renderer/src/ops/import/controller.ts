/**
 * Runs imports: one file at a time through the import worker, the others waiting their turn. The job's
 * state lives in the store (import slice) so the window-level drop, the menu, files opened from the OS
 * and the import screen all drive the same import.
 */
import { describeError } from '../../core/describe-error';
// Named modules, not the formats index: the window's start-up chunks hold no reader (they load in the
// import worker, and the Anki reader in its own worker, only when a file is opened).
import { checkPackSize, describeByteSize } from '../../core/formats/decode';
import { formatFromFileName, isAnkiPackage } from '../../core/formats/detect';
import { isLecternZipName } from '../../core/formats/lectern-zip/zip-magic';
import type { Diagnostic } from '../../core/pack/diagnostics';
import type { PackFile, Result } from '../../platform/bridge';
import { invoke } from '../../platform/bridge';
import { type ImportJob, useAppStore } from '../../store';
import { formatCount } from '../../ui/count';
import { readAnkiInWorker, stopAnkiReader } from './anki-reader';
import { markImport } from './marks';
import type { FromWorker, ToWorker } from './protocol';

/** A file to import: one the student chose or dropped, or one main read for us (dialog, OS). */
export type ImportSource =
  | { kind: 'file'; file: File }
  | { kind: 'text'; name: string; text: string }
  /** A zip archive main read for us (a `.lectern` pack with media). */
  | { kind: 'base64'; name: string; base64: string };

const queue: ImportSource[] = [];
let worker: Worker | null = null;
/** Bumped whenever a file starts or the import is reset: an older start that resumes after an await stops. */
let ticket = 0;

function nameOf(source: ImportSource): string {
  return source.kind === 'file' ? source.file.name : source.name;
}

function bytesOfBase64(base64: string): ArrayBuffer {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes.buffer;
}

/** The largest archive (a `.lectern` zip or an Anki package, media included) read for import: main's limit too. */
export const MAX_IMPORT_ARCHIVE_BYTES = 600 * 1024 * 1024;

function checkArchiveSize(bytes: number): Diagnostic | null {
  if (bytes <= MAX_IMPORT_ARCHIVE_BYTES) return null;
  return {
    message: `the file is ${describeByteSize(bytes)}, over the limit of ${describeByteSize(MAX_IMPORT_ARCHIVE_BYTES)} for a package with its media`,
  };
}

function job(): ImportJob {
  return useAppStore.getState().importJob;
}

function setJob(next: ImportJob): void {
  useAppStore.getState().setImportJob(next);
}

function syncWaiting(): void {
  useAppStore.getState().setImportWaiting(queue.map(nameOf));
}

/** True while a file is being read, waits for confirmation, or is being stored. */
export function isImportBusy(j: ImportJob = job()): boolean {
  return j.step === 'reading' || j.step === 'summary' || j.step === 'storing';
}

function stopWorker(): void {
  stopAnkiReader();
  worker?.terminate();
  worker = null;
}

/**
 * Queues files for import. The first starts at once unless another import is in progress or its
 * result is still on screen with files waiting; the screen offers the next one.
 */
export function importFiles(sources: ImportSource[]): void {
  if (sources.length === 0) return;
  const idle = !isImportBusy() && queue.length === 0;
  queue.push(...sources);
  if (idle) void startNext();
  else syncWaiting();
}

/** Starts the next waiting file, if any; otherwise the screen goes back to its start. */
export async function startNext(): Promise<void> {
  stopWorker();
  const mine = ++ticket;
  const source = queue.shift();
  syncWaiting();
  if (!source) {
    setJob({ step: 'idle' });
    return;
  }
  const fileName = nameOf(source);
  const size =
    source.kind === 'file'
      ? source.file.size
      : source.kind === 'base64'
        ? Math.floor((source.base64.length * 3) / 4)
        : new Blob([source.text]).size;
  // A .lectern zip or an Anki package carries media: its own limits are checked as it is read.
  const archive = isLecternZipName(fileName) || formatFromFileName(fileName) === 'anki';
  const tooBig = source.kind === 'file' ? (archive ? checkArchiveSize(size) : checkPackSize(size)) : null;
  if (tooBig) {
    setJob({ step: 'problems', fileName, format: null, errors: [tooBig], warnings: [] });
    return;
  }
  setJob({ step: 'reading', fileName, size, fraction: null });
  // From here: an Anki package's read in its own worker counts as the import's reading too.
  markImport('start');
  let message: ToWorker;
  let transfer: Transferable[] = [];
  if (source.kind === 'text') {
    message = { type: 'read', fileName, text: source.text };
  } else {
    // A chosen or dropped file, or one main read for us from the menu or the OS: the same bytes either
    // way, so an Anki package or a .lectern zip is read as one whichever way it came.
    let bytes: ArrayBuffer;
    try {
      bytes = source.kind === 'file' ? await source.file.arrayBuffer() : bytesOfBase64(source.base64);
    } catch (err) {
      if (mine !== ticket) return;
      setJob({ step: 'failed', fileName, message: `${fileName} could not be read: ${describeError(err)}` });
      return;
    }
    if (mine !== ticket) return;
    if (isAnkiPackage(fileName, new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 4096)))) {
      const result = await readAnkiInWorker(fileName, bytes, (fraction) => {
        const current = job();
        if (mine === ticket && current.step === 'reading') setJob({ ...current, fraction });
      });
      if (mine !== ticket) return;
      message = { type: 'read-anki', fileName, result };
    } else {
      message = { type: 'read', fileName, bytes };
      transfer = [bytes];
    }
  }
  const w = spawnWorker(fileName);
  if (w) w.postMessage(message, transfer);
}

/** An importer started ahead of need (see {@link prepareImporter}); used by the next import. */
let spare: Worker | null = null;

function createWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
}

/**
 * Starts an importer ahead of need, while the student picks a file: its script loads and its
 * database opens meanwhile (a few hundred milliseconds off every import). The Import screen calls it
 * when it opens; a failure here is left for the import itself to report.
 */
export function prepareImporter(): void {
  if (spare) return;
  try {
    spare = createWorker();
  } catch {
    spare = null;
  }
}

function spawnWorker(fileName: string): Worker | null {
  let w: Worker;
  try {
    w = spare ?? createWorker();
    spare = null;
  } catch (err) {
    setJob({ step: 'failed', fileName, message: `The importer could not start: ${describeError(err)}` });
    return null;
  }
  worker = w;
  w.onmessage = (event: MessageEvent<FromWorker>) => {
    if (worker === w) onWorkerMessage(fileName, event.data);
  };
  w.onerror = (event) => {
    if (worker !== w) return;
    event.preventDefault();
    stopWorker();
    setJob({
      step: 'failed',
      fileName,
      message: `The importer stopped unexpectedly (${event.message || 'its script did not load or it ran out of memory'}). Try again.`,
    });
  };
  return w;
}

function onWorkerMessage(fileName: string, message: FromWorker): void {
  const current = job();
  switch (message.type) {
    case 'progress':
      if (message.stage === 'reading' && current.step === 'reading')
        setJob({ ...current, fraction: message.fraction });
      else if (message.stage === 'storing' && current.step === 'storing')
        setJob({ ...current, fraction: message.fraction });
      return;
    case 'problems':
      stopWorker();
      setJob({ step: 'problems', fileName, ...message });
      return;
    case 'summary':
      markImport('parsed');
      setJob({ step: 'summary', fileName, summary: message.summary });
      return;
    case 'stored': {
      markImport('end');
      stopWorker();
      if (current.step !== 'storing') return;
      const summary = message.history
        ? { ...current.summary, historyImported: message.history }
        : current.summary;
      setJob({ step: 'done', fileName, summary, counts: message.counts });
      const { title } = current.summary;
      useAppStore
        .getState()
        .notify(
          'success',
          message.counts.kind === 'new'
            ? `Imported "${title}": ${formatCount(current.summary.questionCount, 'question')}.`
            : `Updated "${title}".`,
        );
      return;
    }
    case 'failed':
      stopWorker();
      setJob({ step: 'failed', fileName, message: message.message });
      return;
  }
}

/**
 * Stores the pack whose summary is on screen (in the worker, in one transaction); with `history`, then
 * the Anki review history the summary offered.
 */
export function confirmImport(opts: { history?: boolean } = {}): void {
  const current = job();
  if (current.step !== 'summary' || !worker) return;
  markImport('apply');
  setJob({ step: 'storing', fileName: current.fileName, summary: current.summary, fraction: 0 });
  const message: ToWorker = { type: 'apply', now: Date.now(), history: opts.history === true };
  worker.postMessage(message);
}

/** Drops the file being read or waiting for confirmation (nothing is stored) and goes on to the next. */
export function cancelImport(): void {
  if (job().step === 'storing') return;
  void startNext();
}

/** Forgets every waiting file and the result on screen. */
export function resetImport(): void {
  ticket++;
  queue.length = 0;
  stopWorker();
  syncWaiting();
  setJob({ step: 'idle' });
}

function sourceOfPackFile(f: PackFile): ImportSource {
  return f.base64 !== undefined
    ? { kind: 'base64', name: f.name, base64: f.base64 }
    : { kind: 'text', name: f.name, text: f.text };
}

/** Turns files main read for us into import sources; a refusal (too large, not UTF-8) is shown. */
function importFromMain(result: Result<PackFile[]>, what: string): boolean {
  if (!result.ok) {
    if (result.error.code === 'cancelled') return false;
    if (isImportBusy()) {
      useAppStore.getState().notify('error', result.error.message);
      return true;
    }
    // Headed by the refused file's name when main says which one (a file opened from the OS included).
    setJob({ step: 'failed', fileName: result.error.subject ?? what, message: result.error.message });
    return true;
  }
  importFiles(result.value.map(sourceOfPackFile));
  return result.value.length > 0;
}

/** File ▸ Import pack… and the screen's dialog button: shows the open dialog and imports the chosen files. */
export async function importFromDialog(): Promise<void> {
  useAppStore.getState().navigate({ name: 'import' });
  importFromMain(await invoke('files:open-dialog'), 'the chosen file');
}

/** Imports the files the OS asked Lectern to open, as `files:take-pending` answered (none: nothing). */
export function importOpenedFiles(res: Result<PackFile[]>): void {
  if (res.ok && res.value.length === 0) return;
  useAppStore.getState().navigate({ name: 'import' });
  importFromMain(res, 'a file opened with Lectern');
}

/** Imports the files the OS asked Lectern to open (at start-up and whenever main says there are some). */
export async function importPendingFiles(): Promise<void> {
  importOpenedFiles(await invoke('files:take-pending'));
}
