/**
 * `import.apkg20k`: a 20k-note Anki package with 2k images (the current format: zstd collection and
 * media) imported through the Import screen, against the same notes as a Lectern JSON pack (the pack
 * the Anki reader makes of it). Target: the package in at most 2× the pack's time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { readAnkiPackage } from '../../../renderer/src/core/formats/anki/read-anki';
import { BASIC, buildPackage, TINY_PNG } from '../../support/anki-package';
import type { BenchApp } from '../app-session';
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

/** Writes (once per version of this file) the package and the same notes as a Lectern pack. */
export async function writeApkgBenchFiles(): Promise<{ apkg: string; pack: string }> {
  const dir = join(tmpdir(), `lectern-bench-apkg-${version()}`);
  mkdirSync(dir, { recursive: true });
  const apkg = join(dir, 'anki-20k.apkg');
  const pack = join(dir, 'anki-20k-as-pack.json');
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
  writeFileSync(pack, JSON.stringify({ ...read.pack, id: 'anki-20k-as-pack' }));
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
  for (let i = 0; i < runs; i++) {
    const a = await importThroughScreen(app, files.apkg);
    await resetImports(app);
    const p = await importThroughScreen(app, files.pack);
    await resetImports(app);
    apkgMs.push(a.total);
    packMs.push(p.total);
    log(
      `  .apkg ${a.total.toFixed(0)} ms (read ${a.read.toFixed(0)}), same notes as a pack ${p.total.toFixed(0)} ms`,
    );
  }
  return { notes: NOTES, images: IMAGES, apkgMs, packMs, ratio: median(apkgMs) / median(packMs) };
}
