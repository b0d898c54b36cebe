/**
 * Issue 17: backups carry the packs' media. Regression: a backup held the packs but not their images,
 * so backup → wipe → restore brought the questions back showing file names instead of pictures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupText, serializeBackup } from '../../../renderer/src/core/backup';
import {
  checkBackup,
  exportBackup,
  restoreBackup,
  restoreBackupText,
  type TextSource,
} from '../../../renderer/src/db/repos/backup-repo';
import {
  applyImportWithMedia,
  hashPackMedia,
  loadPackMedia,
  removePackWithMedia,
} from '../../../renderer/src/db/repos/media-repo';
import type { PackMeta } from '../../../renderer/src/db/repos/packs-repo';
import { LecternDb } from '../../../renderer/src/db/schema/database';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1 } from '../../support/media-fixtures';
import { sampleTables } from '../core/backup/fixtures';

const T0 = Date.UTC(2025, 2, 10, 12);
const META = { now: T0, appVersion: '0.1.0' };
const PACK_META: PackMeta = {
  origin: 'imported',
  format: 'lectern',
  fileName: 'pics.lectern',
  contentHash: 'h',
};
const MEDIA = [
  { name: 'diagram.png', type: 'image/png', bytes: PNG_1X1 },
  { name: 'logo.svg', type: 'image/svg+xml', bytes: HOSTILE_SVG },
  { name: 'bell.mp3', type: 'audio/mpeg', bytes: MP3_HEAD },
];

const opened: LecternDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});
function open(): LecternDb {
  const d = new LecternDb(`test-backup-media-${Math.random()}`);
  opened.push(d);
  return d;
}

async function exportText(d: LecternDb, partChars?: number): Promise<string[]> {
  const parts: string[] = [];
  await exportBackup(d, META, async (p) => void parts.push(p), { partChars });
  return parts;
}
function sourceOf(parts: readonly string[]): TextSource {
  let i = 0;
  return async () => parts[i++] ?? null;
}
/** Every stored file of every pack, bytes included, in a comparable shape. */
async function mediaOf(d: LecternDb, packIds: string[]) {
  const out: Record<string, { name: string; type: string; bytes: number[] }[]> = {};
  for (const id of packIds)
    out[id] = (await loadPackMedia(d, id))
      .map((m) => ({ name: m.name, type: m.type, bytes: [...m.bytes] }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

describe('backups with media', () => {
  it('backup → wipe → restore brings every pack image and sound back, byte for byte', async () => {
    const d = open();
    await applyImportWithMedia(d, imagePack('a'), PACK_META, T0, await hashPackMedia(MEDIA));
    // A second pack naming one of the same files: stored once, named twice.
    await applyImportWithMedia(d, imagePack('b'), PACK_META, T0, await hashPackMedia(MEDIA));
    const before = await mediaOf(d, ['a', 'b']);
    const rows = { files: await d.mediaFiles.count(), names: await d.packMedia.toArray() };
    expect(rows.files).toBe(3);
    // Small parts: a file's base64 is cut across parts as any row may be.
    const parts = await exportText(d, 64);

    await removePackWithMedia(d, 'a');
    await removePackWithMedia(d, 'b');
    expect(await d.mediaFiles.count()).toBe(0);

    const verdict = await restoreBackup(d, sourceOf(parts));
    expect(verdict.ok).toBe(true);
    expect(await mediaOf(d, ['a', 'b'])).toEqual(before);
    expect(await d.mediaFiles.count()).toBe(3);
    expect(await d.packMedia.toArray()).toEqual(rows.names);
    // Restoring it into another, empty database gives the same files too.
    const other = open();
    expect((await restoreBackup(other, sourceOf(parts))).ok).toBe(true);
    expect(await mediaOf(other, ['a', 'b'])).toEqual(before);
  });

  it('a database without media writes no media tables, and a backup without them restores (emptying the media)', async () => {
    const d = open();
    const text = serializeBackup(sampleTables(), { createdAt: T0, appVersion: '0.1.0' });
    const read = readBackupText(text);
    expect(read.ok && Object.keys(read.counts)).not.toContain('mediaFiles');
    await applyImportWithMedia(d, imagePack('a'), PACK_META, T0, await hashPackMedia(MEDIA));
    expect((await restoreBackupText(d, text)).ok).toBe(true);
    expect(await d.mediaFiles.count()).toBe(0);
    expect(await d.packMedia.count()).toBe(0);
    expect(await d.packs.count()).toBe(sampleTables().packs.length);
  });

  it('refuses a media row whose bytes are not the type it claims, or not its size, and changes nothing', async () => {
    const d = open();
    await applyImportWithMedia(d, imagePack('a'), PACK_META, T0, await hashPackMedia(MEDIA));
    const good = (await exportText(d)).join('');
    const svgAsPng = good.replace('"image/svg+xml"', '"image/png"');
    // Rebuild the file with the forged row and fresh checksums: only the row check can refuse it.
    const forged = readBackupText(good);
    if (!forged.ok) throw new Error('fixture');
    const tables = forged.tables as Parameters<typeof serializeBackup>[0];
    const files = tables.mediaFiles as { type: string; size: number }[];
    const svg = files.find((f) => f.type === 'image/svg+xml');
    if (!svg) throw new Error('fixture');
    svg.type = 'image/png';
    const typeForged = serializeBackup(tables, { createdAt: T0, appVersion: '0.1.0' });
    const check = await checkBackup(sourceOf([typeForged]));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.issues[0]?.message).toMatch(
      /Invalid mediaFiles row \d+: the file is not image\/png/,
    );
    svg.type = 'image/svg+xml';
    svg.size += 1;
    const sizeForged = serializeBackup(tables, { createdAt: T0, appVersion: '0.1.0' });
    expect(!(await checkBackup(sourceOf([sizeForged]))).ok).toBe(true);
    // The edited text without fresh checksums is refused by its checksum.
    expect((await checkBackup(sourceOf([svgAsPng]))).ok).toBe(false);
    const before = await mediaOf(d, ['a']);
    expect((await restoreBackupText(d, typeForged)).ok).toBe(false);
    expect(await mediaOf(d, ['a'])).toEqual(before);
  });
});
