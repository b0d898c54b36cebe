import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const bin = 'renderer/src/cli/lectern-pack.mjs';
const dir = mkdtempSync(join(tmpdir(), 'lectern-pack-moodlexml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const BANK = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Flags</text></category></question>
  <question type="multichoice">
    <name><text>Flag</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which flag? <img src="@@PLUGINFILE@@/flag.png" alt="a flag"></p>]]></text>
      <file name="flag.png" path="/" encoding="base64">${PNG}</file></questiontext>
    <answer fraction="100"><text>France</text></answer>
    <answer fraction="0"><text>Spain</text></answer>
  </question>
  <question type="truefalse">
    <name><text>TF</text></name><questiontext format="html"><text>Red is a colour.</text></questiontext>
    <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
  </question>
  <question type="ddmarker"><name><text>Map</text></name><questiontext format="html"><text>Drop</text></questiontext></question>
</quiz>
`;

describe('lectern-pack with Moodle XML', { timeout: 60_000 }, () => {
  it('check --json bank.xml: the format, counts by type, and the skipped question as a placed warning', async () => {
    const file = join(dir, 'bank.xml');
    writeFileSync(file, BANK);
    const r = await run('check', '--json', file);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout).files[0];
    expect(report).toMatchObject({
      ok: true,
      format: 'moodlexml',
      questions: 2,
      questionsByType: { 'multiple-choice': 1, 'true-false': 1 },
      chapters: 1,
      media: 1,
    });
    expect(report.warnings).toEqual([
      { line: 15, column: 3, message: expect.stringContaining('question "Map" is of type "ddmarker"') },
    ]);
  });

  it('check bank.xml: an error at FILE:LINE:COL with the source line, exit 1', async () => {
    const file = join(dir, 'grades.xml');
    writeFileSync(
      file,
      BANK.replace('<answer fraction="0"><text>Spain', '<answer fraction="33"><text>Spain'),
    );
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:9:13: question "Flag" has grades Moodle does not accept: 33%`);
    expect(r.stdout).toContain('invalid — 1 error; nothing would be imported');
  });

  it('convert --to moodlexml keeps the embedded image, and the result checks as the same pack', async () => {
    const file = join(dir, 'bank.xml');
    writeFileSync(file, BANK);
    const out = join(dir, 'again.xml');
    expect((await run('convert', file, '--to', 'moodlexml', '-o', out)).code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain(`<file name="flag.png" path="/" encoding="base64">${PNG}</file>`);
    const json = join(dir, 'again.json');
    expect((await run('convert', out, '--to', 'json', '-o', json)).code).toBe(0);
    const pack = JSON.parse(readFileSync(json, 'utf8'));
    expect(pack.questions[0]).toMatchObject({
      title: 'Flag',
      prompt: 'Which flag? ![a flag](media:flag.png)',
    });
  });
});
