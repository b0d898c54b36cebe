/**
 * The one entry point for importing a pack file in any format: size limit, decoding, format detection,
 * the format's reader, and `validatePack`. What the app's import and the `lectern-pack` CLI call.
 */
import { describeError } from '../describe-error';
import { type PackResult, withExcerpts } from '../pack/diagnostics';
import type { Pack } from '../pack/schema';
import { parsePackJson } from '../pack/validate';
import { readAiken } from './aiken/read-aiken';
import { decodePackBytes } from './decode';
import { readDelimited } from './delimited/read-delimited';
import { detectPackFormat, formatFromFileName, type PackFormat } from './detect';
import { readGift } from './gift/read-gift';
import { packNameFromFile } from './ids';

/**
 * A read pack (or every problem found) and the format it was read as. `idGiven`: the file names its own
 * pack id (Lectern JSON `id`, GIFT `[pack-id:…]`); otherwise the id was derived from the file name.
 */
export type ReadPackResult = (
  | (Extract<PackResult<Pack>, { ok: true }> & { idGiven: boolean })
  | Extract<PackResult<Pack>, { ok: false }>
) & { format: PackFormat };

/**
 * Whether a read pack's id was given by the file: always for Lectern JSON, never for Aiken and
 * delimited text (which have no place for one), for GIFT when `[pack-id:…]` differs from the name's.
 */
function idGivenIn(format: PackFormat, pack: Pack, name: string): boolean {
  if (format === 'lectern') return true;
  if (format === 'gift') return pack.id !== packNameFromFile(name).id;
  return false;
}

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
    if (!result.ok)
      return opts.excerpts
        ? { ok: false, issues: withExcerpts(text, result.issues), format }
        : { ...result, format };
    const idGiven = idGivenIn(format, result.pack, name);
    return opts.excerpts
      ? { ...result, warnings: withExcerpts(text, result.warnings), format, idGiven }
      : { ...result, format, idGiven };
  } catch (err) {
    // A reader bug must not become an uncaught exception in the import path; report it as a problem.
    const message = describeError(err);
    return {
      ok: false,
      issues: [{ message: `Lectern could not read this file (internal error: ${message})` }],
      format,
    };
  }
}
