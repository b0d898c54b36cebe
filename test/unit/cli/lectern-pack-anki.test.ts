import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASIC, buildPackage, CLOZE } from '../../support/anki-package';

const root = new URL('../../../', import.meta.url).pathname;
const bin = 'renderer/src/cli/lectern-pack.mjs';
const out = mkdtempSync(join(tmpdir(), 'lectern-pack-anki-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('lectern-pack with Anki packages', { timeout: 60_000 }, () => {
  it('check places a problem at its note id and --json counts notes, cards, reviews and media', async () => {
    const bytes = await buildPackage(
      {
        notetypes: [BASIC, CLOZE],
        decks: [{ id: 5, name: 'Deck' }],
        notes: [
          { id: 77, guid: 'a1', mid: BASIC.id, fields: ['Q', 'A'], cards: [{ id: 770, ord: 0, did: 5 }] },
          {
            id: 78,
            guid: 'a2',
            mid: CLOZE.id,
            fields: ['plain text', ''],
            cards: [{ id: 780, ord: 0, did: 5 }],
          },
        ],
        reviews: [{ id: 1_700_000_000_000, cid: 770, ease: 3 }],
      },
      'latest',
    );
    const file = join(out, 'deck.apkg');
    writeFileSync(file, bytes);
    const text = await run('check', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${file}: note 78: warning: this cloze note has no deletion`);
    expect(text.stdout).toContain('ok — Anki package pack "deck.apkg": 1 question (1 flashcard)');
    const json = await run('check', '--json', file);
    const report = JSON.parse(json.stdout).files[0];
    expect(report).toMatchObject({
      ok: true,
      format: 'anki',
      questions: 1,
      anki: { version: 'latest', collection: 'collection.anki21b', notes: 2, cards: 2, reviews: 1, media: 0 },
    });
    expect(report.warnings[0]).toMatchObject({ note: '78' });
  });

  it('check refuses a broken package with a message, exit 1', async () => {
    const file = join(out, 'broken.apkg');
    writeFileSync(file, 'PK\u0003\u0004 not really a zip');
    const r = await run('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.apkg: the package could not be unzipped/);
  });
});
