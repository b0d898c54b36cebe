import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLecternZip } from '../../../renderer/src/core/formats/lectern-zip/read-lectern-zip';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1 } from '../../support/media-fixtures';

const root = new URL('../../../', import.meta.url).pathname;
const bin = 'renderer/src/cli/lectern-pack.mjs';
const dir = mkdtempSync(join(tmpdir(), 'lectern-pack-media-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

// A JSON pack with its pictures beside it (one in the same folder, the others in media/).
const json = join(dir, 'pics.json');
writeFileSync(json, JSON.stringify(imagePack(), null, 2));
writeFileSync(join(dir, 'diagram.png'), PNG_1X1);
mkdirSync(join(dir, 'media'));
writeFileSync(join(dir, 'media', 'logo.svg'), HOSTILE_SVG);
writeFileSync(join(dir, 'media', 'bell.mp3'), MP3_HEAD);

describe('lectern-pack with media', { timeout: 60_000 }, () => {
  it('check: a JSON pack reads the files it names from beside it', async () => {
    const r = await run('check', json);
    expect(r.stdout).toMatch(/pics\.json: ok — Lectern JSON pack "pics": 2 questions .*, 3 media files \(/);
    expect(r.code).toBe(0);
  });

  it('convert --to lectern zips pack.json and media/, and check and the reader take the result', async () => {
    const out = join(dir, 'out.lectern');
    const r = await run('convert', json, '--to', 'lectern', '-o', out);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const zip = readLecternZip(new Uint8Array(readFileSync(out)));
    expect(zip.ok && zip.media.map((m) => m.name).sort()).toEqual(['bell.mp3', 'diagram.png', 'logo.svg']);
    const c = await run('check', '--json', out);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).files[0]).toMatchObject({
      ok: true,
      format: 'lectern',
      questions: 2,
      media: 3,
    });
  });

  it('a file the pack names but nobody put beside it is an error at its line:column', async () => {
    const lone = join(dir, 'lone');
    mkdirSync(lone);
    const file = join(lone, 'pics.json');
    writeFileSync(file, JSON.stringify(imagePack(), null, 2));
    writeFileSync(join(lone, 'diagram.png'), PNG_1X1);
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /pics\.json:\d+:\d+: \$\.questions\[0\]\.choices\[1\]\.text: image "logo\.svg" is not among/,
    );
    expect(r.stdout).toMatch(/pics\.json:\d+:\d+: \$\.questions\[1\]\.front: sound "bell\.mp3" is not among/);
  });

  it('convert --to lectern needs -o', async () => {
    const r = await run('convert', json, '--to', 'lectern');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o OUT.lectern');
  });
});
