/**
 * Issue 14: features/ holds React only. Screens reach the database through the named operations in
 * ops/, shared widgets live in ui/, and neither ops/, ui/ nor the store reaches up into a screen.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, SRC, sourceFiles } from './import-graph';

/** `file → target` for every import from a file under `from` into a folder under `into`. */
function importsInto(from: string, into: string, except: (file: string) => boolean = () => false): string[] {
  const target = path.join(SRC, into) + path.sep;
  return sourceFiles(path.join(SRC, from))
    .filter((f) => !except(f))
    .flatMap((f) =>
      importsOf(f)
        .filter((to) => to.startsWith(target))
        .map((to) => `${path.relative(SRC, f)} → ${path.relative(SRC, to)}`),
    );
}

describe('the layers of renderer/src', () => {
  it('keeps db/ out of features/: screens call ops/', () => {
    expect(importsInto('features', 'db')).toEqual([]);
  });

  it('keeps ops/, ui/ and the store from importing a screen', () => {
    expect([
      ...importsInto('ops', 'features'),
      ...importsInto('ui', 'features'),
      ...importsInto('store', 'features'),
    ]).toEqual([]);
  });

  it('keeps ui/ free of the database and of operations', () => {
    expect([...importsInto('ui', 'db'), ...importsInto('ui', 'ops')]).toEqual([]);
  });

  it('sees an import into db/ from a screen (the checker itself)', () => {
    const screen = path.join(SRC, 'features', 'backup', 'use-restore.ts');
    expect(importsOf(screen).some((to) => to.startsWith(path.join(SRC, 'ops') + path.sep))).toBe(true);
    expect(importsInto('ops', 'db').length).toBeGreaterThan(0);
  });
});

/** Top-level `let`/`var`, and top-level Maps/Sets/arrays the file changes: state that outlives a call. */
function moduleState(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').flatMap((line, i) => {
    const where = `${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`;
    if (/^(export )?(let|var) /.test(line)) return [where];
    const name = /^(?:export )?const (\w+)(?::[^=]+)? = (?:new (?:Map|Set|WeakMap)\b|\[)/.exec(line)?.[1];
    if (name && new RegExp(`\\b${name}\\.(add|set|delete|clear|push|pop|shift|splice)\\(`).test(text))
      return [where];
    return [];
  });
}

describe('features/study', () => {
  it('keeps no module-level mutable state (the session lives in one StudySession object)', () => {
    expect(sourceFiles(path.join(SRC, 'features', 'study')).flatMap(moduleState)).toEqual([]);
  });

  it('sees module-level state (the checker itself)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-state-'));
    const file = path.join(dir, 'a.ts');
    writeFileSync(
      file,
      'const seen = new Set<string>();\nexport function see(k: string) {\n  seen.add(k);\n}\n',
    );
    expect(moduleState(file)).toHaveLength(1);
    writeFileSync(
      file,
      "const KINDS = new Set(['a']);\nexport const isKind = (k: string) => KINDS.has(k);\nlet n = 0;\n",
    );
    expect(moduleState(file)).toEqual([expect.stringContaining('let n = 0')]);
    rmSync(dir, { recursive: true });
  });
});
