/**
 * Issue 14: features/ holds React only. Screens reach the database through the named operations in
 * ops/, shared widgets live in ui/, and neither ops/, ui/ nor the store reaches up into a screen.
 */
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

// The study session moves to ops/study in its own change (issue 14); until then features/study still
// reads the database itself.
const studyNotYetMoved = (f: string) => f.includes(`${path.sep}features${path.sep}study${path.sep}`);

describe('the layers of renderer/src', () => {
  it('keeps db/ out of features/: screens call ops/', () => {
    expect(importsInto('features', 'db', studyNotYetMoved)).toEqual([]);
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
