/**
 * Reads an Anki package (`.apkg`, `.colpkg`; every storage version) into a Lectern pack, its media
 * (`PackMedia`, beside the pack) and each question's Anki review history. SQLite comes from sql.js,
 * passed in by the caller (the import worker or the CLI loads its WebAssembly), so this module stays
 * free of loading concerns. Never throws: every problem comes back as a diagnostic (placed at the
 * note id where there is one).
 */
import type { SqlJsStatic } from 'sql.js';
import type { Diagnostic } from '../../pack/diagnostics';
import type { PackMedia } from '../../pack/media';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '../../pack/schema';
import { validatePack } from '../../pack/validate';
import { packNameFromFile } from '../ids';
import { readCollection } from './collection';
import { type AnkiHistory, historyOf } from './history';
import { packMedia } from './media-files';
import { notesToQuestions } from './notes-to-pack';
import { AnkiPackageError, type AnkiPackageVersion, unpackAnki } from './unpack';

/** How much a package held, for the CLI's `--json` and the conformance figures. */
export interface AnkiCounts {
  version: AnkiPackageVersion;
  collection: string;
  notes: number;
  cards: number;
  reviews: number;
  media: number;
  questions: number;
}

/** A read package, or why it cannot be read. */
export type AnkiReadResult =
  | {
      ok: true;
      pack: Pack;
      media: PackMedia[];
      history: AnkiHistory[];
      warnings: Diagnostic[];
      counts: AnkiCounts;
    }
  | { ok: false; issues: Diagnostic[] };

/** Options for {@link readAnkiPackage}. */
export interface ReadAnkiOptions {
  /** Called with the fraction done (0..1); the last call is with 1. */
  onProgress?: (fraction: number) => void;
}

function fail(message: string): AnkiReadResult {
  return { ok: false, issues: [{ message }] };
}

/** Reads the package `bytes` named `fileName` with the sql.js module `sql`. */
export function readAnkiPackage(
  fileName: string,
  bytes: Uint8Array,
  sql: SqlJsStatic,
  opts: ReadAnkiOptions = {},
): AnkiReadResult {
  try {
    opts.onProgress?.(0.05);
    const pkg = unpackAnki(bytes);
    opts.onProgress?.(0.3);
    let db: InstanceType<SqlJsStatic['Database']>;
    try {
      db = new sql.Database(pkg.collection);
    } catch {
      return fail(`${pkg.collectionEntry} is not a readable SQLite database`);
    }
    let col: ReturnType<typeof readCollection>;
    try {
      col = readCollection(db);
    } catch (err) {
      return fail(
        `${pkg.collectionEntry} is not an Anki collection (${err instanceof Error ? err.message : String(err)})`,
      );
    } finally {
      db.close();
    }
    opts.onProgress?.(0.6);
    const packed = packMedia(pkg.media);
    const read = notesToQuestions(col, packed.names);
    opts.onProgress?.(0.85);
    const warnings: Diagnostic[] = [...read.warnings];
    const missing = [...new Set([...read.missingMedia, ...pkg.missingMedia])];
    if (missing.length > 0)
      warnings.push({
        severity: 'warning',
        message: `${missing.length} media file${missing.length === 1 ? ' is' : 's are'} referenced but not in the package (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}): shown as their names`,
      });
    if (packed.skipped.length > 0)
      warnings.push({
        severity: 'warning',
        message: `${packed.skipped.length} media file${packed.skipped.length === 1 ? ' is' : 's are'} neither an image nor audio and left out (${packed.skipped.slice(0, 5).join(', ')}${packed.skipped.length > 5 ? ', …' : ''})`,
      });
    const ext = /\.colpkg$/i.test(fileName) ? 'colpkg' : 'apkg';
    const name = packNameFromFile(fileName, ext);
    const used = new Set<string>();
    for (const q of read.questions) for (const m of mediaNamesIn(q)) used.add(m);
    const media = packed.media.filter((m) => used.has(m.name));
    const pack = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      id: name.id,
      title: name.title,
      language: 'en',
      version: '1',
      chapters: read.chapters.map((c) => ({
        id: c.id,
        title: c.title,
        sections: [{ id: c.id, title: c.title, body: '' }],
      })),
      questions: read.questions,
      discussions: [],
    };
    if (read.questions.length === 0)
      return {
        ok: false,
        issues: [...warnings, { message: 'no notes in this package could be read as questions' }],
      };
    let result = validatePack(pack);
    // A card Lectern cannot hold (a nested cloze, an over-long field) is dropped with a warning at its
    // note, not a refusal of the whole deck; anything else wrong is a reader bug and refuses.
    if (
      !result.ok &&
      result.issues.every((d) => d.path?.[0] === 'questions' && typeof d.path[1] === 'number')
    ) {
      const bad = new Map<number, Diagnostic>();
      for (const d of result.issues) if (!bad.has(d.path?.[1] as number)) bad.set(d.path?.[1] as number, d);
      for (const [index, d] of bad) {
        read.cardsOf.delete(String(read.questions[index]?.id));
        warnings.push({
          severity: 'warning',
          note: String(read.noteOf[index]),
          message: `this card cannot be studied in Lectern (${d.path?.slice(2).join('.') || 'question'}: ${d.message}): it is skipped`,
        });
      }
      pack.questions = read.questions.filter((_, i) => !bad.has(i));
      result = validatePack(pack);
    }
    if (!result.ok) return { ok: false, issues: [...warnings, ...result.issues] };
    const history = historyOf(col, read.cardsOf);
    opts.onProgress?.(1);
    return {
      ok: true,
      pack: result.pack,
      media,
      history,
      warnings: [...warnings, ...result.warnings],
      counts: {
        version: pkg.version,
        collection: pkg.collectionEntry,
        notes: col.notes.length,
        cards: col.cards.length,
        reviews: col.reviews.length,
        media: media.length,
        questions: result.pack.questions.length,
      },
    };
  } catch (err) {
    if (err instanceof AnkiPackageError) return fail(err.message);
    return fail(`Lectern could not read this package (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The media names a question refers to: its flashcard images and `media:`/`[sound:]` references. */
function mediaNamesIn(q: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(q)) {
    if ((key === 'frontImages' || key === 'backImages') && Array.isArray(value))
      out.push(...(value as string[]));
    else if (typeof value === 'string') {
      for (const m of value.matchAll(/\]\(media:([^)\s]+)\)/g)) out.push(m[1] as string);
      for (const m of value.matchAll(/\[sound:([^\]]+)\]/g)) out.push(m[1] as string);
    }
  }
  return out;
}
