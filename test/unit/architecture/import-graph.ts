/**
 * The import graph of `renderer/src` read from the source text (type-only imports included: a cycle of
 * types still makes a reader climb in circles), for the architecture tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const SRC = path.resolve(__dirname, '../../../renderer/src');

/** Every `.ts`/`.tsx` file under `dir` (absolute paths). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const SPEC =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The files of `renderer/src` that `file` imports or re-exports from (resolved, absolute). */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = m[1] ?? m[2] ?? '';
    let base: string;
    if (spec.startsWith('@/')) base = path.join(SRC, spec.slice(2));
    else if (spec.startsWith('.')) base = path.resolve(path.dirname(file), spec);
    else continue;
    const hit = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((e) => base + e)
      .find((p) => existsSync(p) && statSync(p).isFile());
    if (hit) out.push(hit);
  }
  return out;
}

/** One import cycle among `files` (as paths relative to renderer/src), or null when there is none. */
export function findCycle(files: readonly string[]): string[] | null {
  const inSet = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    state.set(f, 'open');
    stack.push(f);
    for (const next of importsOf(f)) {
      if (!inSet.has(next)) continue;
      if (state.get(next) === 'open')
        return [...stack.slice(stack.indexOf(next)), next].map((p) => path.relative(SRC, p));
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    if (state.has(f)) continue;
    const found = visit(f);
    if (found) return found;
  }
  return null;
}
