/**
 * `lectern-pack`: check and convert instructor packs from the command line.
 *
 *   lectern-pack check [--json] [--strict] [--from FORMAT] FILE…
 *   lectern-pack convert FILE --to json|gift|moodlexml|lectern [-o OUT] [--from FORMAT]
 *
 * `check` prints `FILE:LINE:COL: message` for each problem (`FILE:LINE:COL: $.json.path: message` for
 * Lectern JSON), the source line with a caret under the column, and a summary line per file; it exits 1
 * if any file is invalid (with `--strict`, also if any file has a warning). Exit code 2 is a usage error.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import {
  checkPackSize,
  describeByteSize,
  detectPackFormat,
  isAnkiPackage,
  type PackFormat,
  packToGift,
  type ReadPackResult,
  readPackFile,
} from '../core/formats';
import { type AnkiCounts, readAnkiPackage } from '../core/formats/anki/read-anki';
import { decodePackBytes } from '../core/formats/decode';
import { readLecternZip } from '../core/formats/lectern-zip/read-lectern-zip';
import { writeLecternZip } from '../core/formats/lectern-zip/write-lectern-zip';
import { isLecternZipName, isZipBytes } from '../core/formats/lectern-zip/zip-magic';
import { packToMoodleXml } from '../core/formats/moodlexml/write-moodle-xml';
import { MAX_PACK_MEDIA_BYTES } from '../core/media/limits';
import {
  type Diagnostic,
  formatDiagnosticWithSource,
  formatPath,
  type Pack,
  QUESTION_TYPES,
  type QuestionType,
} from '../core/pack';
import type { PackMedia } from '../core/pack/media';
import { readMediaBeside } from './pack-media';

/** Where the CLI writes; tests may capture it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** The usage text printed by `--help`. */
export const USAGE = `lectern-pack — check and convert Lectern instructor packs

Usage:
  lectern-pack check [--json] [--strict] [--from FORMAT] FILE…
      Validate pack files. Prints FILE:LINE:COL: message for every problem
      (FILE:LINE:COL: $.path: message for Lectern JSON), under it the source
      line with a caret (^~~~) at the column, and one summary line per file.
      Warnings (what Lectern reads differently from Moodle or Anki) keep exit 0;
      exits 1 if any file is invalid. --strict turns warnings into errors.
      --json prints one JSON document with the problems and the question count
      by type for each file (and the count of its media files, when it has any).
  lectern-pack convert FILE --to json|gift|moodlexml|lectern [-o OUT] [--from FORMAT]
      Convert a pack to Lectern JSON, Moodle GIFT or Moodle XML (to OUT or
      standard output) or a .lectern file (pack.json and its media zipped; -o OUT
      required).
  lectern-pack --help

Formats are detected from the extension and content: Lectern JSON (.json),
Moodle GIFT (.gift), Moodle XML (.xml), Aiken (.txt), CSV/TSV with or without
Anki headers (.csv, .tsv, .txt), Anki packages (.apkg, .colpkg: every version;
problems are placed at the note id, FILE: note NID: message; --json adds notes,
cards, review rows and media counts). --from lectern|gift|aiken|delimited|moodlexml
overrides detection.
Files larger than 64 MiB are refused. Text must be UTF-8 (or UTF-16 with a BOM).
A .lectern file is a zip of pack.json and media/ (images and sounds: at most
10 MiB a file, 500 MiB a pack). A JSON pack's media:NAME images, [sound:NAME]
sounds and flashcard images are read from files beside it (or in media/ there).
`;

const FORMAT_NAMES: Record<PackFormat, string> = {
  lectern: 'Lectern JSON',
  gift: 'GIFT',
  aiken: 'Aiken',
  delimited: 'CSV/TSV',
  moodlexml: 'Moodle XML',
  anki: 'Anki package',
};

class UsageError extends Error {}

interface Args {
  command: string | undefined;
  files: string[];
  json: boolean;
  strict: boolean;
  to: string | undefined;
  out: string | undefined;
  from: PackFormat | undefined;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    command: undefined,
    files: [],
    json: false,
    strict: false,
    to: undefined,
    out: undefined,
    from: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--json') args.json = true;
    else if (flag === '--strict') args.strict = true;
    else if (flag === '--to') args.to = value();
    else if (flag === '-o' || flag === '--output') args.out = value();
    else if (flag === '--from') {
      const f = value();
      if (!(f in FORMAT_NAMES))
        throw new UsageError(`--from is one of ${Object.keys(FORMAT_NAMES).join(', ')}, not "${f}"`);
      args.from = f as PackFormat;
    } else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (args.command === undefined) args.command = arg;
    else args.files.push(arg);
  }
  return args;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
    if (args.help || args.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (args.command === 'check') return await check(args, io);
    if (args.command === 'convert') return await convert(args, io);
    throw new UsageError(
      args.command === undefined ? 'no command given' : `unknown command "${args.command}"`,
    );
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`lectern-pack: ${err.message}\n\n${USAGE}`);
    return 2;
  }
}

/** What an Anki package held, by file, for `check --json`. */
const ankiCounts = new Map<string, AnkiCounts>();

/** Reads an Anki package with sql.js's Node build (its WebAssembly loads from node_modules). */
async function loadAnki(file: string, bytes: Uint8Array): Promise<ReadPackResult> {
  const result = readAnkiPackage(file, bytes, await initSqlJs());
  if (!result.ok) return { ...result, format: 'anki' };
  ankiCounts.set(file, result.counts);
  return {
    ok: true,
    pack: result.pack,
    warnings: result.warnings,
    format: 'anki',
    idGiven: false,
    ...(result.media.length > 0 ? { media: result.media } : {}),
  };
}

/** Reads and validates one file; problems reading it become diagnostics. */
async function loadPack(file: string, from: PackFormat | undefined): Promise<ReadPackResult> {
  const format = from ?? 'lectern';
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, issues: [{ message: 'not a file' }], format };
    const zipped = isLecternZipName(file) && !from;
    const tooBig = checkPackSize(zipped ? info.size - MAX_PACK_MEDIA_BYTES : info.size);
    if (tooBig) return { ok: false, issues: [tooBig], format };
    const buffer = await readFile(file);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if ((from === undefined || from === 'anki') && isAnkiPackage(file, bytes))
      return await loadAnki(file, bytes);
    if (zipped || (isZipBytes(bytes) && isLecternZipName(file))) {
      const zip = readLecternZip(bytes);
      return zip.ok ? { ...zip, format: 'lectern', idGiven: true } : { ...zip, format: 'lectern' };
    }
    const opts = from ? { format: from, excerpts: true } : { excerpts: true };
    const decoded = decodePackBytes(bytes);
    if (!decoded.ok || (from ?? detectPackFormat(file, decoded.text)) !== 'lectern')
      return readPackFile(file, decoded.ok ? decoded.text : bytes, opts);
    // A JSON pack: the media it names, read from beside it, then the pack checked with them.
    const beside = await readMediaBeside(file, decoded.text);
    const result = readPackFile(file, decoded.text, {
      ...opts,
      format: 'lectern',
      mediaNames: new Set(beside.media.map((m) => m.name)),
    });
    if (!result.ok || beside.errors.length > 0)
      return {
        ok: false,
        issues: [...beside.errors, ...(result.ok ? [] : result.issues), ...beside.warnings],
        format: 'lectern',
      };
    return beside.media.length > 0
      ? { ...result, warnings: [...result.warnings, ...beside.warnings], media: beside.media }
      : result;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : String((err as Error).message);
    return { ok: false, issues: [{ message: `cannot read the file: ${why}` }], format };
  }
}

/** Question counts by type (every type present, zeros included). */
export function countByType(pack: Pack): Record<QuestionType, number> {
  const counts = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;
  for (const q of pack.questions) counts[q.type]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(pack: Pack, format: PackFormat, media: readonly PackMedia[] | undefined): string {
  const counts = Object.entries(countByType(pack))
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  const sections = pack.chapters.reduce((n, c) => n + c.sections.length, 0);
  const files =
    media && media.length > 0
      ? `, ${plural(media.length, 'media file')} (${describeByteSize(media.reduce((n, m) => n + m.bytes.length, 0))})`
      : '';
  return `ok — ${FORMAT_NAMES[format]} pack "${pack.id}": ${plural(pack.questions.length, 'question')}${counts ? ` (${counts})` : ''}, ${plural(pack.chapters.length, 'chapter')}, ${plural(sections, 'section')}, ${plural(pack.discussions.length, 'discussion')}${files}`;
}

function jsonDiagnostic(d: Diagnostic) {
  return {
    ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
    ...(d.path ? { path: formatPath(d.path) } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
    message: d.message,
  };
}

/** With `--strict`, a warning is an error: a file with any warning is invalid. */
function strictly(result: ReadPackResult, strict: boolean): ReadPackResult {
  if (!strict || !result.ok || result.warnings.length === 0) return result;
  return {
    ok: false,
    issues: result.warnings.map(({ severity: _, ...d }) => d),
    format: result.format,
  };
}

async function check(args: Args, io: CliIo): Promise<number> {
  if (args.files.length === 0) throw new UsageError('check needs at least one FILE');
  const reports = [];
  let allOk = true;
  for (const file of args.files) {
    const result = strictly(await loadPack(file, args.from), args.strict);
    const diagnostics = result.ok ? result.warnings : result.issues;
    allOk &&= result.ok;
    if (args.json) {
      reports.push({
        file,
        ok: result.ok,
        format: result.format,
        ...(result.ok
          ? {
              id: result.pack.id,
              title: result.pack.title,
              questions: result.pack.questions.length,
              questionsByType: countByType(result.pack),
              chapters: result.pack.chapters.length,
              sections: result.pack.chapters.reduce((n, c) => n + c.sections.length, 0),
              discussions: result.pack.discussions.length,
              ...(result.media?.length ? { media: result.media.length } : {}),
              ...(ankiCounts.has(file) ? { anki: ankiCounts.get(file) } : {}),
            }
          : {}),
        errors: diagnostics.filter((d) => d.severity !== 'warning').map(jsonDiagnostic),
        warnings: diagnostics.filter((d) => d.severity === 'warning').map(jsonDiagnostic),
      });
      continue;
    }
    for (const d of diagnostics) io.stdout(`${formatDiagnosticWithSource(file, d)}\n`);
    if (result.ok) io.stdout(`${file}: ${summary(result.pack, result.format, result.media)}\n`);
    else {
      const errors = diagnostics.filter((d) => d.severity !== 'warning').length;
      io.stdout(`${file}: invalid — ${plural(errors, 'error')}; nothing would be imported\n`);
    }
  }
  if (args.json) io.stdout(`${JSON.stringify({ ok: allOk, files: reports }, null, 2)}\n`);
  return allOk ? 0 : 1;
}

async function convert(args: Args, io: CliIo): Promise<number> {
  const [file, ...extra] = args.files;
  if (file === undefined) throw new UsageError('convert needs a FILE');
  if (extra.length > 0) throw new UsageError('convert takes one FILE');
  if (args.to !== 'json' && args.to !== 'gift' && args.to !== 'moodlexml' && args.to !== 'lectern')
    throw new UsageError(
      'convert needs --to json, --to gift or --to moodlexml, or --to lectern with -o OUT.lectern',
    );
  if (args.to === 'lectern' && (args.out === undefined || args.out === '-'))
    throw new UsageError('convert --to lectern writes a zip file: give it -o OUT.lectern');
  const result = await loadPack(file, args.from);
  if (!result.ok) {
    for (const d of result.issues) io.stderr(`${formatDiagnosticWithSource(file, d)}\n`);
    io.stderr(`${file}: invalid — nothing converted\n`);
    return 1;
  }
  for (const d of result.warnings) io.stderr(`${formatDiagnosticWithSource(file, d)}\n`);
  if (args.to === 'lectern') {
    const media = result.media ?? [];
    await writeFile(args.out as string, writeLecternZip(result.pack, media));
    io.stderr(
      `${file}: wrote ${args.out} (${plural(result.pack.questions.length, 'question')}, ${plural(media.length, 'media file')})\n`,
    );
    return 0;
  }
  if (args.to !== 'moodlexml' && result.media && result.media.length > 0)
    io.stderr(
      `${file}: warning: ${plural(result.media.length, 'media file')} cannot go into ${args.to === 'json' ? 'a JSON file' : 'GIFT'}: convert --to lectern to keep them\n`,
    );
  const text =
    args.to === 'json'
      ? `${JSON.stringify(result.pack, null, 2)}\n`
      : args.to === 'gift'
        ? packToGift(result.pack)
        : packToMoodleXml(result.pack, result.media);
  if (args.out === undefined || args.out === '-') io.stdout(text);
  else {
    await writeFile(args.out, text, 'utf8');
    io.stderr(`${file}: wrote ${args.out} (${plural(result.pack.questions.length, 'question')})\n`);
  }
  return 0;
}
