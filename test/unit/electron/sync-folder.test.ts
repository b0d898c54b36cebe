import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getPackFile,
  listSegments,
  putPackFile,
  readSegment,
  SyncFolderError,
  watchFolder,
  writeSegment,
} from '../../../electron/sync/folder';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lectern-sync-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the sync folder on disk (issue 20)', () => {
  it('writes a segment once and lists and reads it back', async () => {
    expect(await listSegments(folder)).toEqual([]);
    expect(await writeSegment(folder, 'laptop01', '0000000001.jsonl', 'one\n')).toBe(true);
    expect(await writeSegment(folder, 'laptop01', '0000000001.jsonl', 'two\n')).toBe(false);
    expect(await readSegment(folder, 'laptop01', '0000000001.jsonl')).toBe('one\n');
    const list = await listSegments(folder);
    expect(list.map((s) => `${s.device}/${s.file}`)).toEqual(['laptop01/0000000001.jsonl']);
    // No temporary file is left behind.
    expect(await readdir(join(folder, 'lectern-sync/devices/laptop01'))).toEqual(['0000000001.jsonl']);
  });

  it('lists conflict copies as segments and leaves temporary and foreign files out', async () => {
    const dir = join(folder, 'lectern-sync/devices/desktop2');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '0000000003.jsonl'), 'a');
    await writeFile(join(dir, '0000000003.sync-conflict-20261207-101010-ABCDEFG.jsonl'), 'b');
    await writeFile(join(dir, '.0000000004.jsonl.1a2b.tmp'), 'c');
    await writeFile(join(dir, 'notes.txt'), 'd');
    await mkdir(join(folder, 'lectern-sync/devices/Not A Device'), { recursive: true });
    const files = (await listSegments(folder)).map((s) => s.file);
    expect(files).toEqual(['0000000003.jsonl', '0000000003.sync-conflict-20261207-101010-ABCDEFG.jsonl']);
  });

  it('refuses names outside the layout (no path escapes) and a folder that is not one', async () => {
    await expect(readSegment(folder, 'laptop01', '../../etc/passwd')).rejects.toBeInstanceOf(SyncFolderError);
    await expect(readSegment(folder, '..', '0000000001.jsonl')).rejects.toBeInstanceOf(SyncFolderError);
    await expect(writeSegment(folder, 'laptop01', 'x.jsonl', '')).rejects.toBeInstanceOf(SyncFolderError);
    await expect(listSegments(join(folder, 'missing'))).rejects.toThrow(/cannot be read/);
    await expect(putPackFile(folder, '../x', '')).rejects.toBeInstanceOf(SyncFolderError);
  });

  it('stores pack files by content hash, once', async () => {
    expect(await getPackFile(folder, 'abcdef0123456789')).toBeNull();
    await putPackFile(folder, 'abcdef0123456789', '{"a":1}');
    await putPackFile(folder, 'abcdef0123456789', '{"a":2}');
    expect(await getPackFile(folder, 'abcdef0123456789')).toBe('{"a":1}');
  });

  it('tells when another device’s segment arrives', async () => {
    const changed = new Promise<void>((resolve) => {
      const stop = watchFolder(
        folder,
        () => {
          stop();
          resolve();
        },
        50,
      );
    });
    const dir = join(folder, 'lectern-sync/devices/desktop2');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '0000000001.jsonl'), 'x');
    await changed;
  });
});
