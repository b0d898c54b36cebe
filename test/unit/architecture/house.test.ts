/**
 * Issue 14: `db/` in rooms — `schema/` (rows, the database, its middleware and upgrades) and `repos/`
 * — with no import cycle and no `export *` chains, and the schema room never reaching into a repository.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycle, importsOf, SRC, sourceFiles } from './import-graph';

const DB = path.join(SRC, 'db');
const files = sourceFiles(DB);

describe('db/ rooms', () => {
  it('has no import cycle, type imports included', () => {
    expect(findCycle(files)).toBeNull();
  });

  it('finds a cycle made of type imports (the checker itself)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-cycle-'));
    writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
    writeFileSync(path.join(dir, 'b.ts'), "import { c } from './c';\nexport type B = number;\nc;\n");
    writeFileSync(path.join(dir, 'c.ts'), "export type { A } from './a';\nexport const c = 1;\n");
    const abc = ['a.ts', 'b.ts', 'c.ts'].map((f) => path.join(dir, f));
    expect(findCycle(abc)?.map((f) => path.basename(f))).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    writeFileSync(path.join(dir, 'c.ts'), 'export const c = 1;\n');
    expect(findCycle(abc)).toBeNull();
    rmSync(dir, { recursive: true });
  });

  it('keeps the schema room free of repositories', () => {
    const schema = files.filter((f) => f.includes(`${path.sep}schema${path.sep}`));
    const leaks = schema.flatMap((f) =>
      importsOf(f)
        .filter((to) => to.includes(`${path.sep}repos${path.sep}`))
        .map((to) => `${path.relative(SRC, f)} → ${path.relative(SRC, to)}`),
    );
    expect(leaks).toEqual([]);
  });

  it('re-exports nothing wholesale (no `export *` chains)', () => {
    const chained = files.filter((f) => /^export \* from/m.test(readFileSync(f, 'utf8')));
    expect(chained.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('holds only the two rooms and its index', () => {
    const top = new Set(files.map((f) => path.relative(DB, f).split(path.sep)[0]));
    expect([...top].filter((t) => !['index.ts', 'repos', 'schema'].includes(t ?? ''))).toEqual([]);
  });
});

describe('the IPC contract', () => {
  it('reaches the renderer only through platform/bridge.ts', () => {
    const outside = sourceFiles(SRC).filter(
      (f) =>
        !f.endsWith(path.join('platform', 'bridge.ts')) &&
        /from ['"](\.\.\/)+electron\/ipc\/contract['"]/.test(readFileSync(f, 'utf8')),
    );
    expect(outside.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
