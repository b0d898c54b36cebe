/**
 * Reads an Anki package in a worker of its own (`anki.worker.ts`), started only when such a file is
 * opened: sql.js, its WebAssembly, fflate and fzstd never load otherwise. Started from the window
 * rather than from the import worker: a worker started by a worker is not served by the Electron
 * stand-in's request routing, and the result goes on to the import worker like any read file.
 */
import type { AnkiReadResult } from '../../core/formats/anki/read-anki';
import type { AnkiWorkerReply, AnkiWorkerRequest } from './anki.worker';

let running: Worker | null = null;

/** Stops the package being read, if any (its promise then never settles: the caller moved on). */
export function stopAnkiReader(): void {
  running?.terminate();
  running = null;
}

/** Reads `bytes` (transferred) as an Anki package; `onProgress` gets the fraction done. */
export function readAnkiInWorker(
  fileName: string,
  bytes: ArrayBuffer,
  onProgress: (fraction: number) => void,
): Promise<AnkiReadResult> {
  stopAnkiReader();
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./anki.worker.ts', import.meta.url), { type: 'module', name: 'anki' });
    running = worker;
    const done = (result: AnkiReadResult) => {
      worker.terminate();
      if (running === worker) running = null;
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<AnkiWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.fraction);
      else done(reply.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done({
        ok: false,
        issues: [
          {
            message: `the Anki reader stopped (${event.message || 'its script did not load or it ran out of memory'})`,
          },
        ],
      });
    };
    const request: AnkiWorkerRequest = { fileName, bytes };
    worker.postMessage(request, [bytes]);
  });
}
