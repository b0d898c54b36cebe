/** Main's side of compressed backups (format 3): written from base64 parts, checked before renamed. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackupWriter } from '../../../renderer/src/core/backup';
import { wholeBackup } from '../../support/backups';

const saveDialog = vi.hoisted(() => ({ path: null as string | null }));
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async () =>
      saveDialog.path ? { canceled: false, filePath: saveDialog.path } : { canceled: true },
  },
  shell: { openPath: async () => '' },
}));

const { registerBackupHandlers } = await import('../../../electron/ipc/backup-handlers');
const { createWriteCheck, isWholeBackup } = await import('../../../electron/ipc/backup-validity');
const { createHandlerRegistry } = await import('../../../electron/ipc/handle');
type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const PAGE = 'file:///app/out/renderer/index.html';

function mainWith(dir: string) {
  const map = new Map<string, Listener>();
  const registry = createHandlerRegistry(
    { handle: (c: string, fn: Listener) => void map.set(c, fn) } as never,
    (u) => u === PAGE,
  );
  registerBackupHandlers(registry, () => dir);
  return async (channel: string, ...args: unknown[]) =>
    (await map.get(channel)?.({ senderFrame: { url: PAGE }, sender: {} }, ...args)) as
      | { ok: true; value: never }
      | { ok: false; error: { code: string; message: string } };
}

/** A whole format 3 backup (gzip) with `rows` settings rows. */
function wholeV3(rows = 1): Buffer {
  let text = '';
  const w = createBackupWriter({ createdAt: 1_773_576_000_000, appVersion: '0.1.0' }, (t) => {
    text += t;
  });
  w.addRows(
    'settings',
    Array.from({ length: rows }, (_, i) => ({ key: `k${i}`, value: i })),
  );
  w.addRows('reviews', []);
  w.finish();
  return gzipSync(Buffer.from(text));
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lectern-backup-gzip-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  saveDialog.path = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('compressed backups in main', () => {
  it('counts a gzip backup whole only when it decompresses and its rows match its counts and checksums', async () => {
    const dir = tempDir();
    const good = wholeV3(50);
    const flip = Buffer.from(good);
    flip[good.length >> 1] = (flip[good.length >> 1] as number) ^ 0xff;
    const edited = gunzipText(good).replace('"k7","value":7}', '"k7","value":8}');
    expect(edited).not.toBe(gunzipText(good));
    const cases: [string, Buffer | string, boolean][] = [
      ['good', good, true],
      ['v2 text', wholeBackup(1), true],
      ['cut', good.subarray(0, good.length - 10), false],
      ['flipped', flip, false],
      ['edited', gzipSync(edited), false],
      ['junk gzip', gzipSync('{"format":"lectern-backup"}'), false],
    ];
    for (const [name, bytes, whole] of cases) {
      writeFileSync(join(dir, name), bytes);
      expect([name, await isWholeBackup(join(dir, name))]).toEqual([name, whole]);
      // The same verdict while it is written, whatever the parts (a byte at a time at the start).
      const buffer = Buffer.from(bytes);
      for (const cuts of [[1, 2, 3], [buffer.length >> 1], [7, 100, 101, buffer.length - 1]]) {
        const check = createWriteCheck();
        let from = 0;
        for (const to of [...cuts.filter((c) => c < buffer.length), buffer.length]) {
          check.push(buffer.subarray(from, to));
          from = to;
        }
        expect([name, cuts, await check.whole()]).toEqual([name, cuts, whole]);
      }
    }
  });

  it('writes base64 parts byte for byte, and refuses a damaged file before it replaces the one there', async () => {
    const dir = tempDir();
    const target = join(dir, 'mine.json');
    writeFileSync(target, 'the previous backup');
    saveDialog.path = target;
    const call = mainWith(dir);
    const write = async (bytes: Buffer) => {
      const begun = await call('backup:write-begin', { kind: 'save', defaultName: 'x.json' });
      const id = (begun as { value: { id: string } }).value.id;
      const half = bytes.length >> 1;
      for (const part of [bytes.subarray(0, half), bytes.subarray(half)])
        expect(await call('backup:write-part', { id, base64: part.toString('base64') })).toMatchObject({
          ok: true,
        });
      return call('backup:write-end', { id });
    };
    const good = wholeV3(20);
    const damaged = Buffer.from(good);
    damaged[good.length - 6] = (damaged[good.length - 6] as number) ^ 1; // its CRC-32
    expect(await write(damaged)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/mine\.json was not written: .*not a whole Lectern backup/) },
    });
    expect(readFileSync(target, 'utf8')).toBe('the previous backup');
    expect(readdirSync(dir)).toEqual(['mine.json']);
    expect(await write(good)).toMatchObject({ ok: true, value: { bytes: good.length } });
    expect(readFileSync(target)).toEqual(good);
  });

  it('reads an automatic backup raw, as base64 of its bytes', async () => {
    const dir = tempDir();
    const call = mainWith(dir);
    const name = 'lectern-backup-2026-01-01T00-00-00-000Z-daily.json';
    const good = wholeV3(3);
    writeFileSync(join(dir, name), good);
    const begun = (await call('backup:read-begin', { name, raw: true })) as { value: { id: string } };
    const part = (await call('backup:read-part', { id: begun.value.id })) as {
      value: { base64: string; done: boolean };
    };
    expect(part.value.done).toBe(true);
    expect(Buffer.from(part.value.base64, 'base64')).toEqual(good);
  });
});

function gunzipText(bytes: Buffer): string {
  return gunzipSync(bytes).toString('utf8');
}
