import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const bin = 'renderer/src/cli/lectern-pack.mjs';
const out = mkdtempSync(join(tmpdir(), 'lectern-pack-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Runs the real bin with Node alone, as `npm run pack --` does. */
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const F = 'test/fixtures/packs';

describe('lectern-pack', { timeout: 60_000 }, () => {
  it('prints its usage with --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lectern-pack check [--json] [--strict] [--from FORMAT] FILE…');
    expect(r.stdout).toContain(
      'lectern-pack convert FILE --to json|gift|moodlexml|lectern [-o OUT] [--from FORMAT]',
    );
  });

  it('check: FILE:LINE:COL: message for each problem, a summary per file, exit 1 if any is invalid', async () => {
    const r = await run(
      'check',
      `${F}/gift/broken.gift`,
      `${F}/json/broken-schema.json`,
      `${F}/aiken/questions.txt`,
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`${F}/gift/broken.gift:5:15: the answer block "{" is never closed with "}"`);
    expect(lines).toContain(
      `${F}/gift/broken.gift:34:4: warning: [tag:…] belongs to no question: put it directly above its question, with no blank line between`,
    );
    expect(lines).toContain(`${F}/gift/broken.gift: invalid — 10 errors; nothing would be imported`);
    expect(lines).toContain(
      `${F}/json/broken-schema.json:13:5: $.questions[0].back: required property "back" is missing`,
    );
    expect(lines).toContain(
      `${F}/json/broken-schema.json:14:57: $.questions[1].section: section "nowhere" does not exist in this pack`,
    );
    expect(lines.at(-1)).toBe(
      `${F}/aiken/questions.txt: ok — Aiken pack "questions.aiken": 3 questions (3 multiple-choice), 1 chapter, 1 section, 0 discussions`,
    );
  });

  it('check: the source line with a caret under each message; warnings exit 0, --strict makes them errors', async () => {
    const file = join(out, 'notes.txt');
    writeFileSync(file, 'front,back\nonly a front\n');
    const r = await run('check', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        `${file}:2:1: warning: this note has an empty back: it is imported with an empty back, as Anki does`,
        '    only a front',
        '    ^~~~',
      ].join('\n'),
    );
    const strict = await run('check', '--strict', file);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`${file}:2:1: this note has an empty back`);
    expect(strict.stdout).toContain(`${file}: invalid — 1 error; nothing would be imported`);
  });

  it('check --json: a machine-readable result with question counts by type; exit 0 when all are valid', async () => {
    const r = await run('check', '--json', `${F}/json/all-types.json`, `${F}/delimited/quizlet.tsv`);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.files[0]).toEqual({
      file: `${F}/json/all-types.json`,
      ok: true,
      format: 'lectern',
      id: 'fixture-all-types',
      title: 'Every question type',
      questions: 11,
      questionsByType: {
        flashcard: 1,
        'multiple-choice': 3,
        'true-false': 1,
        typed: 2,
        cloze: 2,
        matching: 1,
        ordering: 1,
      },
      chapters: 2,
      sections: 3,
      discussions: 2,
      errors: [],
      warnings: [],
    });
    expect(report.files[1]).toMatchObject({
      format: 'delimited',
      questions: 3,
      questionsByType: { flashcard: 3 },
    });
  });

  it('check --json reports errors with line, column and JSON path', async () => {
    const r = await run('check', '--json', `${F}/json/broken-syntax.json`, 'no/such/file.gift');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.files.map((f: { errors: unknown[] }) => f.errors)).toEqual([
      [{ line: 7, column: 40, message: 'invalid JSON: trailing comma before "}"' }],
      [{ message: 'cannot read the file: no such file' }],
    ]);
  });

  it('convert --to gift -o OUT, then --to json on the result, gives the same pack', async () => {
    const gift = join(out, 'pack.gift');
    const json = join(out, 'pack.json');
    const first = await run('convert', `${F}/json/all-types.json`, '--to', 'gift', '-o', gift);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('wrote');
    const second = await run('convert', gift, '--to=json', '--output', json);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(
      JSON.parse(readFileSync(`${root}${F}/json/all-types.json`, 'utf8')),
    );
    const stdout = await run('convert', `${F}/aiken/questions.txt`, '--to', 'gift');
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^\/\/ A Lectern pack as Moodle GIFT/);
  });

  it('convert refuses an invalid file and says why on stderr; usage errors exit 2', async () => {
    const bad = await run('convert', `${F}/gift/broken.gift`, '--to', 'json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(
      `${F}/gift/broken.gift:3:1: the question title is not closed: write it as ::title::`,
    );
    const usage = await run('convert', `${F}/gift/broken.gift`, '--to', 'pdf');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('lectern-pack: convert needs --to json, --to gift or --to moodlexml');
    expect((await run('frobnicate')).code).toBe(2);
  });
});
