/**
 * The files the bench imports, written once per generator version to a temp folder: our generated
 * pack, Mnemosyne's own cards as TSV (the lines its bench imports), and a small warm-up pack.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuestionType } from '../../renderer/src/core/pack/schema';
import { generatePack } from './generate';

/** Paths and facts of one size's files. */
export interface BenchFiles {
  pack: string;
  packId: string;
  packBytes: number;
  tsv: string;
  tsvBytes: number;
  /** A 200-question pack with another id, for warm-up imports. */
  warm: string;
  /** Question id → type, to answer by keyboard. */
  typeOf: Map<string, QuestionType>;
}

/** Mnemosyne's bench cards (mnemosyne_bench.py writes exactly these lines), as a TSV file's text. */
export function makePeerTsv(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`question ${i} lorem ipsum\tanswer ${i} dolor sit amet`);
  return `${lines.join('\n')}\n`;
}

function generatorVersion(): string {
  const src = readFileSync(fileURLToPath(new URL('./generate.ts', import.meta.url)));
  return createHash('sha256').update(src).digest('hex').slice(0, 10);
}

function writeOnce(path: string, make: () => string): void {
  if (!existsSync(path)) writeFileSync(path, make());
}

/** Writes (or reuses) the files for `n` questions. */
export function writeBenchFiles(n: number): BenchFiles {
  const dir = join(tmpdir(), `lectern-bench-files-${generatorVersion()}`);
  mkdirSync(dir, { recursive: true });
  const packId = `bench-${n}`;
  const pack = join(dir, `${packId}.json`);
  const tsv = join(dir, `mnemosyne-cards-${n}.tsv`);
  const warm = join(dir, 'bench-warm.json');
  let typeOf: Map<string, QuestionType>;
  if (existsSync(pack)) {
    const doc = JSON.parse(readFileSync(pack, 'utf8')) as { questions: { id: string; type: QuestionType }[] };
    typeOf = new Map(doc.questions.map((q) => [q.id, q.type]));
  } else {
    const doc = generatePack(n, { id: packId });
    writeFileSync(pack, JSON.stringify(doc));
    typeOf = new Map(doc.questions.map((q) => [q.id, q.type]));
  }
  writeOnce(tsv, () => makePeerTsv(n));
  writeOnce(warm, () => JSON.stringify(generatePack(200, { id: 'bench-warm', seed: 'warm' })));
  return { pack, packId, packBytes: statSync(pack).size, tsv, tsvBytes: statSync(tsv).size, warm, typeOf };
}
