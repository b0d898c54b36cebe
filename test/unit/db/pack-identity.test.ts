/**
 * Pack identity from the file's base name across formats (issue 19, item 7): `hostile.gift`, then
 * `hostile.csv`, then `hostile.txt` each offered "Update “hostile”" and left 1 live question of 8. A pack
 * is named by its own id when the file gives one, otherwise by its name AND format.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type ReadPackResult, readPackFile } from '../../../renderer/src/core/formats';
import type { Pack } from '../../../renderer/src/core/pack/schema';
import { applyImport, identifyPack, previewImport } from '../../../renderer/src/db/repos/import-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';

const T0 = Date.UTC(2025, 2, 10, 12, 0, 0);
const GIFT = '::g1:: The sky is blue {T}\n\n::g2:: Fire is cold {F}\n';
const CSV = 'Front,Back\nCapital of France,Paris\nCapital of Spain,Madrid\n';
const AIKEN = 'What is 2+2?\nA. 3\nB. 4\nANSWER: B\n';

let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function open(): LecternDb {
  db = new LecternDb(`test-identity-${Math.random()}`);
  return db;
}

function read(name: string, text: string): Extract<ReadPackResult, { ok: true }> {
  const r = readPackFile(name, text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

/** Reads, identifies and stores a file as the import worker does; returns the stored id and kind. */
async function importFile(d: LecternDb, name: string, text: string, at = T0) {
  const r = read(name, text);
  const pack = await identifyPack(d, r.pack, { format: r.format, fileName: name, idGiven: r.idGiven });
  const preview = await previewImport(d, pack);
  const res = await applyImport(
    d,
    pack,
    { origin: 'imported', format: r.format, fileName: name, contentHash: name },
    at,
  );
  if (!res.ok) throw new Error(res.message);
  return { id: pack.id, kind: res.counts.kind, preview };
}

describe('derived pack ids name the format', () => {
  it('same base name, different formats → different ids; same file again → same id', () => {
    const gift = read('hostile.gift', GIFT);
    const csv = read('hostile.csv', CSV);
    const aiken = read('hostile.txt', AIKEN);
    expect(gift.pack.id).toBe('hostile');
    expect(csv.pack.id).toBe('hostile.csv');
    expect(aiken.pack.id).toBe('hostile.aiken');
    expect(new Set([gift.pack.id, csv.pack.id, aiken.pack.id]).size).toBe(3);
    expect([gift.idGiven, csv.idGiven, aiken.idGiven]).toEqual([false, false, false]);
    expect(read('hostile.gift', GIFT).pack.id).toBe(gift.pack.id);
    expect(read('hostile.csv', CSV).pack.id).toBe(csv.pack.id);
  });

  it('an explicit pack id wins over the file name', () => {
    const gift = read('hostile.gift', `// [pack-id:my-course]\n${GIFT}`);
    expect(gift.pack.id).toBe('my-course');
    expect(gift.idGiven).toBe(true);
    const json = read(
      'hostile.json',
      JSON.stringify({
        format: 'lectern-pack',
        formatVersion: 1,
        id: 'my-course',
        title: 'T',
        language: 'en',
        version: '1',
        chapters: [{ id: 'c', title: 'C', sections: [{ id: 's', title: 'S', body: '' }] }],
        questions: [{ id: 'q', section: 's', type: 'true-false', prompt: 'P', answer: true }],
        discussions: [],
      }),
    );
    expect(json.pack.id).toBe('my-course');
    expect(json.idGiven).toBe(true);
  });
});

describe('identifyPack', () => {
  it('hostile.gift then hostile.csv then hostile.txt are three packs, every question live', async () => {
    const d = open();
    const a = await importFile(d, 'hostile.gift', GIFT);
    const b = await importFile(d, 'hostile.csv', CSV);
    const c = await importFile(d, 'hostile.txt', AIKEN);
    expect([a.kind, b.kind, c.kind]).toEqual(['new', 'new', 'new']);
    const rows = await d.packs.toArray();
    expect(rows.map((r) => [r.id, r.format, r.questionCount]).sort()).toEqual([
      ['hostile', 'gift', 2],
      ['hostile.aiken', 'aiken', 1],
      ['hostile.csv', 'delimited', 2],
    ]);
  });

  it('re-importing the same quiz.gift updates its pack (derived GIFT ids stay as they were)', async () => {
    const d = open();
    await importFile(d, 'quiz.gift', GIFT);
    const again = await importFile(d, 'quiz.gift', GIFT, T0 + 1000);
    expect(again).toMatchObject({ id: 'quiz', kind: 'update' });
    expect(await d.packs.count()).toBe(1);
  });

  it('a GIFT file whose derived id is taken by another format becomes its own pack, then updates it', async () => {
    const d = open();
    // A pack stored under the bare name by another format (e.g. a CSV imported before ids named it).
    const csv = read('hostile.csv', CSV);
    const legacy: Pack = { ...csv.pack, id: 'hostile' };
    await applyImport(d, legacy, { origin: 'imported', format: 'delimited', contentHash: 'x' }, T0);
    const first = await importFile(d, 'hostile.gift', GIFT);
    expect(first).toMatchObject({ id: 'hostile.gift', kind: 'new' });
    const second = await importFile(d, 'hostile.gift', GIFT, T0 + 1000);
    expect(second).toMatchObject({ id: 'hostile.gift', kind: 'update' });
    expect((await d.packs.get('hostile'))?.questionCount).toBe(2);
  });

  it('an Aiken or CSV pack stored under its old name-only id is still updated by the same file', async () => {
    const d = open();
    const csv = read('deck.csv', CSV);
    await applyImport(
      d,
      { ...csv.pack, id: 'deck' },
      { origin: 'imported', format: 'delimited', fileName: 'deck.csv', contentHash: 'x' },
      T0,
    );
    const again = await importFile(d, 'deck.csv', CSV, T0 + 1000);
    expect(again).toMatchObject({ id: 'deck', kind: 'update' });
    expect(await d.packs.count()).toBe(1);
  });

  it('a file giving its own id updates the pack of that id from another format, and the preview says so', async () => {
    const d = open();
    await importFile(d, 'course.gift', GIFT);
    const r = read('other-name.gift', `// [pack-id:course]\n${GIFT}`);
    expect(r.idGiven).toBe(true);
    const pack = await identifyPack(d, r.pack, { format: 'aiken', fileName: 'x.txt', idGiven: true });
    expect(pack.id).toBe('course');
    const preview = await previewImport(d, pack);
    expect(preview.kind).toBe('update');
    if (preview.kind === 'update') expect(preview.stored.format).toBe('gift');
  });
});
