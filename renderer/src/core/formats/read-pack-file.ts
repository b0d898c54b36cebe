/**
 * The one entry point for importing a pack file in any format: size limit, decoding, format detection,
 * the format's reader, and `validatePack`. What the app's import and the `lectern-pack` CLI call.
 */
import { type PackResult, withExcerpts } from '../pack/diagnostics';
import type { Pack } from '../pack/schema';
import { parsePackJson } from '../pack/validate';
import { readAiken } from './aiken/read-aiken';
import { decodePackBytes } from './decode';
import { readDelimited } from './delimited/read-delimited';
import { detectPackFormat, formatFromFileName, type PackFormat } from './detect';
import { readGift } from './gift/read-gift';

/** A read pack (or every problem found) and the format it was read as. */
export type ReadPackResult = PackResult<Pack> & { format: PackFormat };

/** Options for {@link readPackFile}. */
export interface ReadPackOptions {
  /** Called with the fraction done (0..1) while reading; the last call is with 1. */
  onProgress?: (fraction: number) => void;
  /** Read as this format instead of detecting it. */
  format?: PackFormat;
  /** Give every placed problem its source line (`excerpt`), for a caret under the column. */
  excerpts?: boolean;
}

/**
 * Reads a pack file: `name` is the file name (extension and default pack id/title), `bytes` its content
 * (bytes, or text already decoded). Files over `MAX_PACK_BYTES` (64 MiB) are refused before decoding;
 * bytes must be UTF-8 (BOM optional) or UTF-16 with a BOM; CRLF is accepted. Never throws: every
 * problem comes back in `issues`, with line and column (and a JSON path for Lectern JSON).
 */
export function readPackFile(
  name: string,
  bytes: Uint8Array | string,
  opts: ReadPackOptions = {},
): ReadPackResult {
  const decoded = decodePackBytes(bytes);
  if (!decoded.ok)
    return {
      ok: false,
      issues: [decoded.issue],
      format: opts.format ?? formatFromFileName(name) ?? 'lectern',
    };
  const text = decoded.text;
  const format = opts.format ?? detectPackFormat(name, text);
  const onProgress = opts.onProgress;
  onProgress?.(0.05);
  const scaled = onProgress && ((f: number) => onProgress(0.05 + 0.95 * f));
  const options = scaled ? { fileName: name, onProgress: scaled } : { fileName: name };
  try {
    let result: PackResult<Pack>;
    switch (format) {
      case 'lectern':
        result = parsePackJson(text);
        onProgress?.(1);
        break;
      case 'gift':
        result = readGift(text, options);
        break;
      case 'aiken':
        result = readAiken(text, options);
        break;
      case 'delimited':
        result = readDelimited(text, options);
        break;
    }
    // Every placed problem carries its source line, for the caret excerpt the app and the CLI show.
    if (!opts.excerpts) return { ...result, format };
    return result.ok
      ? { ...result, warnings: withExcerpts(text, result.warnings), format }
      : { ok: false, issues: withExcerpts(text, result.issues), format };
  } catch (err) {
    // A reader bug must not become an uncaught exception in the import path; report it as a problem.
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      issues: [{ message: `Lectern could not read this file (internal error: ${message})` }],
      format,
    };
  }
}
