/**
 * Issue 17: the window's start-up JS does not grow with the new formats. The Anki reader (sql.js and
 * its WebAssembly, fflate, fzstd) loads only in its own worker when an Anki package is opened; the
 * Moodle XML and `.lectern` zip readers only in the import worker; the writers only on export. Checked
 * on the source: the modules the window's entry reaches by static imports (the ones bundled into its
 * start-up chunks; `import()` and `new Worker(new URL(…))` are loaded later) hold none of them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC } from './import-graph';

/** Static `import … from` / `export … from` only (type-only imports are erased: left out). */
const STATIC = /(?:^|\n)\s*(?:import|export)\s(?!type\s)(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/g;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(SRC, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  return (
    ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((e) => base + e)
      .find((p) => existsSync(p) && statSync(p).isFile()) ?? null
  );
}

/** Every source file and package the entry reaches by static imports (packages as `pkg:NAME`). */
function startupGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.startsWith('pkg:') || /\.(css|wasm)/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(STATIC)) {
      const spec = m[1] ?? '';
      if (/\.(css)$/.test(spec)) continue;
      const local = resolve(file, spec);
      if (local) todo.push(local);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) todo.push(`pkg:${spec}`);
    }
  }
  return seen;
}

const READERS = [
  /^core\/formats\/anki\//,
  /^core\/formats\/moodlexml\/read-/,
  /^core\/formats\/lectern-zip\/read-/,
  /^core\/formats\/read-pack-file/,
  /^ops\/import\/(anki|import)\.worker/,
  /^pkg:(sql\.js|fflate|fzstd)/,
];

describe("the window's start-up modules", () => {
  const graph = [...startupGraph(path.join(SRC, 'main.tsx'))].map((f) =>
    f.startsWith('pkg:') ? f : path.relative(SRC, f),
  );

  it('hold no Anki, Moodle XML or .lectern reader and none of their libraries', () => {
    expect(graph.length).toBeGreaterThan(20);
    expect(graph.filter((f) => READERS.some((r) => r.test(f)))).toEqual([]);
  });

  it('are found through static imports (the checker itself: the store and the bridge are among them)', () => {
    expect(graph).toContain('platform/bridge.ts');
    expect(graph).toContain('pkg:react');
  });
});
