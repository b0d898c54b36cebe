/**
 * Reads an Anki package off the import worker's thread. Started by the import worker only when an
 * `.apkg`/`.colpkg` is opened, so sql.js (and its WebAssembly, inlined here: no fetch of a file URL,
 * which Electron's file:// pages cannot do), fflate and fzstd load only then — never at start-up.
 */
import initSqlJs from 'sql.js';
import sqlWasm from 'sql.js/dist/sql-wasm-browser.wasm?base64';
import { type AnkiReadResult, readAnkiPackage } from '../../core/formats/anki/read-anki';

/** To this worker: the package. */
export interface AnkiWorkerRequest {
  fileName: string;
  bytes: ArrayBuffer;
}

/** From this worker: progress, then the result. */
export type AnkiWorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: AnkiReadResult };

function wasmBytes(b64: string): Uint8Array {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function reply(message: AnkiWorkerReply): void {
  self.postMessage(message);
}

self.onmessage = async (event: MessageEvent<AnkiWorkerRequest>) => {
  const { fileName, bytes } = event.data;
  let result: AnkiReadResult;
  try {
    const wasm = wasmBytes(sqlWasm);
    const SQL = await initSqlJs({ wasmBinary: wasm.buffer as ArrayBuffer });
    result = readAnkiPackage(fileName, new Uint8Array(bytes), SQL, {
      onProgress: (fraction) => reply({ type: 'progress', fraction }),
    });
  } catch (err) {
    result = {
      ok: false,
      issues: [
        {
          message: `Lectern could not start its SQLite reader (${err instanceof Error ? err.message : String(err)})`,
        },
      ],
    };
  }
  reply({ type: 'done', result });
};
