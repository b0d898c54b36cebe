/**
 * `import.apkg20k`: a 20k-note Anki package with 2k images (the current format: zstd collection and
 * media) imported through the Import screen, against the same notes and the same images as a Lectern
 * pack (`.lectern`: the pack the Anki reader makes of it, with its media). Both imports store all 2k
 * images (checked after every run: the media are removed between runs, or a later run would find its
 * files stored and skip saving them), and the package's time includes its read in the Anki worker.
 * Target: the package in at most 2× the pack's time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { readAnkiPackage } from '../../../renderer/src/core/formats/anki/read-anki';
import { writeLecternZip } from '../../../renderer/src/core/formats/lectern-zip/write-lectern-zip';
import { BASIC, buildPackage, TINY_PNG } from '../../support/anki-package';
import type { BenchApp } from '../app-session';
import { callBench } from '../page/page-bundle';
import { median } from '../summary';
import { importThroughScreen, resetImports } from './import';

/** The phase's result: the package's and the pack's import times (ms), and the ratio of their medians. */
export interface ApkgResult {
  notes: number;
  images: number;
  apkgMs: number[];
  packMs: number[];
  ratio: number;
}

const NOTES = 20_000;
const IMAGES = 2_000;

function version(): string {
  const src = readFileSync(fileURLToPath(import.meta.url));
  return createHash('sha256').update(src).digest('hex').slice(0, 10);
}

/** Writes (once per version of this file) the package and the same notes and images as a `.lectern` pack. */
export async function writeApkgBenchFiles(): Promise<{ apkg: string; pack: string }> {
  const dir = join(tmpdir(), `lectern-bench-apkg-${version()}`);
  mkdirSync(dir, { recursive: true });
  const apkg = join(dir, 'anki-20k.apkg');
  const pack = join(dir, 'anki-20k-as-pack.lectern');
  if (existsSync(apkg) && existsSync(pack)) return { apkg, pack };
  const media: Record<string, Uint8Array> = {};
  const notes = [];
  const every = NOTES / IMAGES;
  for (let i = 0; i < NOTES; i++) {
    let img = '';
    if (i % every === 0) {
      const name = `figure-${i}.png`;
      const bytes = new Uint8Array(TINY_PNG.length + 4);
      bytes.set(TINY_PNG);
      new DataView(bytes.buffer).setUint32(TINY_PNG.length, i);
      media[name] = bytes;
      img = `<br><img src="${name}">`;
    }
    notes.push({
      id: i + 1,
      guid: `bench${i}`,
      mid: BASIC.id,
      fields: [`Question ${i} about <b>topic ${i % 97}</b>${img}`, `Answer ${i} &amp; more`],
      tags: [`t${i % 13}`],
      cards: [{ id: 1_000_000 + i, ord: 0, did: 2 + (i % 20) }],
    });
  }
  const decks = Array.from({ length: 20 }, (_, d) => ({ id: 2 + d, name: `Bench::Deck ${d}` }));
  const bytes = await buildPackage(
    { notetypes: [{ ...BASIC, templates: BASIC.templates.slice(0, 1) }], decks, notes },
    'latest',
    media,
  );
  writeFileSync(apkg, bytes);
  const read = readAnkiPackage('anki-20k.apkg', bytes, await initSqlJs());
  if (!read.ok) throw new Error(`the bench package does not read: ${read.issues[0]?.message}`);
  if (read.media.length !== IMAGES)
    throw new Error(`the bench package has ${read.media.length} images, not ${IMAGES}`);
  writeFileSync(pack, writeLecternZip({ ...read.pack, id: 'anki-20k-as-pack' }, read.media));
  return { apkg, pack };
}

/** Imports each file `runs` times through the screen (removing the imports between runs). */
export async function measureApkgImport(
  app: BenchApp,
  runs: number,
  log: (line: string) => void,
): Promise<ApkgResult> {
  const files = await writeApkgBenchFiles();
  const apkgMs: number[] = [];
  const packMs: number[] = [];
  const imported = async (what: string) => {
    const stored = await callBench(app.page, 'countMedia');
    if (stored.files !== IMAGES || stored.named !== IMAGES)
      throw new Error(`${what} stored ${stored.files} media files (${stored.named} named), not ${IMAGES}`);
  };
  for (let i = 0; i < runs; i++) {
    const a = await importThroughScreen(app, files.apkg);
    await imported('the .apkg');
    await resetImports(app);
    const p = await importThroughScreen(app, files.pack);
    await imported('the .lectern pack');
    await resetImports(app);
    apkgMs.push(a.total);
    packMs.push(p.total);
    log(
      `  .apkg ${a.total.toFixed(0)} ms (read ${a.read.toFixed(0)}, store ${a.store.toFixed(0)}), the same notes and images as a .lectern pack ${p.total.toFixed(0)} ms (read ${p.read.toFixed(0)}, store ${p.store.toFixed(0)}); ${IMAGES} images stored by each`,
    );
  }
  return { notes: NOTES, images: IMAGES, apkgMs, packMs, ratio: median(apkgMs) / median(packMs) };
}
