import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyImportWithMedia,
  hashPackMedia,
  loadMediaFile,
  loadPackMedia,
  removePackWithMedia,
} from '../../../renderer/src/db/repos/media-repo';
import type { PackMeta } from '../../../renderer/src/db/repos/packs-repo';
import { LecternDb, SCHEMA_VERSIONS } from '../../../renderer/src/db/schema/database';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1, PNG_OTHER } from '../../support/media-fixtures';

const T0 = Date.UTC(2025, 2, 10, 12);
const META: PackMeta = { origin: 'imported', format: 'lectern', fileName: 'pics.lectern', contentHash: 'h' };

let db: LecternDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function open(): LecternDb {
  db = new LecternDb(`test-media-${Math.random()}`);
  return db;
}

const MEDIA = [
  { name: 'diagram.png', type: 'image/png', bytes: PNG_1X1 },
  { name: 'logo.svg', type: 'image/svg+xml', bytes: HOSTILE_SVG },
  { name: 'bell.mp3', type: 'audio/mpeg', bytes: MP3_HEAD },
];

describe('media storage', () => {
  it('stores a pack with its media in one import, as Blobs by content hash, and reads them back', async () => {
    const d = open();
    const res = await applyImportWithMedia(d, imagePack('a'), META, T0, await hashPackMedia(MEDIA));
    expect(res.ok).toBe(true);
    expect(await d.mediaFiles.count()).toBe(3);
    const file = await loadMediaFile(d, 'a', 'diagram.png');
    expect(file?.type).toBe('image/png');
    expect(file?.blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (file as { blob: Blob }).blob.arrayBuffer())).toEqual(PNG_1X1);
    expect(await loadMediaFile(d, 'a', 'nope.png')).toBeNull();
    expect((await loadPackMedia(d, 'a')).map((m) => m.name).sort()).toEqual([
      'bell.mp3',
      'diagram.png',
      'logo.svg',
    ]);
  });

  it('keeps one copy of a file two packs carry, under different names', async () => {
    const d = open();
    await applyImportWithMedia(d, imagePack('a'), META, T0, await hashPackMedia(MEDIA));
    const renamed = MEDIA.map((m) => ({ ...m, name: `b-${m.name}` }));
    await applyImportWithMedia(
      d,
      { ...imagePack('b'), questions: [] },
      META,
      T0,
      await hashPackMedia(renamed),
    );
    expect(await d.mediaFiles.count()).toBe(3);
    expect(await d.packMedia.count()).toBe(6);
  });

  it('removing a pack removes the files no other pack names, and only those', async () => {
    const d = open();
    await applyImportWithMedia(d, imagePack('a'), META, T0, await hashPackMedia(MEDIA));
    const shared = [{ name: 'same.png', type: 'image/png', bytes: PNG_1X1 }];
    await applyImportWithMedia(
      d,
      { ...imagePack('b'), questions: [] },
      META,
      T0,
      await hashPackMedia(shared),
    );
    await removePackWithMedia(d, 'a');
    expect(await d.packs.get('a')).toBeUndefined();
    expect((await d.mediaFiles.toArray()).map((f) => f.type)).toEqual(['image/png']);
    expect(await loadMediaFile(d, 'b', 'same.png')).not.toBeNull();
    await removePackWithMedia(d, 'b');
    expect(await d.mediaFiles.count()).toBe(0);
    expect(await d.packMedia.count()).toBe(0);
  });

  it('an update replaces the pack media and drops the file it no longer names', async () => {
    const d = open();
    await applyImportWithMedia(d, imagePack('a'), META, T0, await hashPackMedia(MEDIA));
    const next = [{ name: 'diagram.png', type: 'image/png', bytes: PNG_OTHER }, ...MEDIA.slice(1)];
    await applyImportWithMedia(d, imagePack('a'), META, T0 + 1, await hashPackMedia(next));
    expect(await d.mediaFiles.count()).toBe(3);
    const file = await loadMediaFile(d, 'a', 'diagram.png');
    expect(new Uint8Array(await (file as { blob: Blob }).blob.arrayBuffer())).toEqual(PNG_OTHER);
  });

  it('a stale import writes no media either', async () => {
    const d = open();
    await applyImportWithMedia(d, imagePack('a'), META, T0, await hashPackMedia(MEDIA.slice(0, 1)));
    const res = await applyImportWithMedia(d, imagePack('a'), META, T0 + 1, await hashPackMedia(MEDIA), {
      expectUpdatedAt: 12,
    });
    expect(res.ok).toBe(false);
    expect(await d.packMedia.count()).toBe(1);
  });

  it('schema 4 → 5: a database written before media opens with its rows and two empty media tables', async () => {
    const name = `test-media-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of [1, 2, 3, 4]) old.version(v).stores(SCHEMA_VERSIONS[v] ?? {});
    await old.open();
    await old.table('settings').put({ key: 'theme', value: 'dark' });
    old.close();
    db = new LecternDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
    expect(await db.mediaFiles.count()).toBe(0);
    expect(await db.packMedia.count()).toBe(0);
  });
});
