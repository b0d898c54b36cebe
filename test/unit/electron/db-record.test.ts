import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wholeBackup } from '../../support/backups';

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: async () => ({ canceled: true }) },
  shell: { openPath: async () => '' },
}));

const { backupFileName, registerBackupHandlers, KEEP_BACKUPS } = await import(
  '../../../electron/ipc/backup-handlers'
);
const { DATABASE_RECORD_FILE, pinnedBackup, registerDatabaseRecordHandlers } = await import(
  '../../../electron/ipc/db-record'
);
const { createHandlerRegistry } = await import('../../../electron/ipc/handle');

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const PAGE = 'file:///app/out/renderer/index.html';
const COUNTS = { packs: 2, questions: 40, cards: 15, reviews: 15, reading: 1, settings: 1, selftests: 0 };

/** Main's record and backup channels over a fake ipcMain, for the user-data folder `userData`. */
function mainWith(userData: string) {
  const map = new Map<string, Listener>();
  const registry = createHandlerRegistry(
    { handle: (c: string, fn: Listener) => void map.set(c, fn) } as never,
    (u) => u === PAGE,
  );
  const file = () => join(userData, DATABASE_RECORD_FILE);
  let now = 1000;
  registerDatabaseRecordHandlers(registry, file, () => now++);
  registerBackupHandlers(registry, () => join(userData, 'backups'), { pinned: () => pinnedBackup(file()) });
  const call = async (channel: string, ...args: unknown[]) =>
    (await map.get(channel)!({ senderFrame: { url: PAGE }, sender: {} }, ...args)) as
      | { ok: true; value: never }
      | { ok: false; error: { code: string; message: string } };
  return { call, file };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lectern-db-record-'));
  dirs.push(d);
  return d;
}

describe('the record beside the database', () => {
  it('is none at first, then what was written, with a generation that grows on every write', async () => {
    const main = mainWith(tempDir());
    expect(await main.call('db:record-read')).toEqual({ ok: true, value: null });
    const input = { databaseId: 'abc-123', counts: COUNTS, lastGoodBackup: null };
    const [a, b] = await Promise.all([
      main.call('db:record-write', input),
      main.call('db:record-write', { ...input, counts: { ...COUNTS, reviews: 16 } }),
    ]);
    expect(a).toMatchObject({ ok: true, value: { ...input, generation: 1 } });
    expect(b).toMatchObject({ ok: true, value: { generation: 2 } });
    expect(await main.call('db:record-read')).toMatchObject({
      ok: true,
      value: { databaseId: 'abc-123', counts: { reviews: 16 }, generation: 2 },
    });
    // Written atomically: no temporary file left beside it.
    expect(readdirSync(join(main.file(), '..'))).toEqual([DATABASE_RECORD_FILE]);
  });

  it('accepts each kind of automatic backup as the last good one, the one before the first sync merge too', async () => {
    const main = mainWith(tempDir());
    for (const reason of ['quit', 'daily', 'sync'] as const) {
      const lastGoodBackup = backupFileName(new Date(Date.UTC(2026, 0, 2)), reason);
      expect(
        await main.call('db:record-write', { databaseId: 'abc-123', counts: COUNTS, lastGoodBackup }),
      ).toMatchObject({ ok: true, value: { lastGoodBackup } });
    }
  });

  it('refuses what is not a record, and reads a damaged file as none', async () => {
    const main = mainWith(tempDir());
    for (const bad of [
      null,
      { databaseId: '../x', counts: COUNTS, lastGoodBackup: null },
      { databaseId: 'a', counts: { ...COUNTS, cards: -1 }, lastGoodBackup: null },
      { databaseId: 'a', counts: COUNTS, lastGoodBackup: '../../etc/passwd' },
    ])
      expect(await main.call('db:record-write', bad)).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    writeFileSync(main.file(), '{"databaseId":');
    expect(await main.call('db:record-read')).toEqual({ ok: true, value: null });
  });
});

describe('pruning automatic backups', () => {
  it('never removes the last good backup the record names, however many newer ones are written (issue 19)', async () => {
    const userData = tempDir();
    const backups = join(userData, 'backups');
    mkdirSync(backups);
    const good = backupFileName(new Date(Date.UTC(2026, 0, 1)), 'quit');
    const goodText = wholeBackup(-1, 'good');
    writeFileSync(join(backups, good), goodText);
    const main = mainWith(userData);
    await main.call('db:record-write', { databaseId: 'a', counts: COUNTS, lastGoodBackup: good });
    // Ten quit backups of a database that shrank: pruning would count the good one out.
    for (let i = 0; i < KEEP_BACKUPS + 2; i++) {
      const begun = await main.call('backup:write-begin', { kind: 'auto', reason: 'quit' });
      if (!begun.ok) throw new Error(begun.error.message);
      const { id } = begun.value as { id: string };
      await main.call('backup:write-part', { id, text: wholeBackup(i) });
      expect(await main.call('backup:write-end', { id })).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 2)); // distinct file names (milliseconds)
    }
    const names = readdirSync(backups).sort();
    expect(names).toHaveLength(KEEP_BACKUPS + 1);
    expect(names[0]).toBe(good);
    expect(readFileSync(join(backups, good), 'utf8')).toBe(goodText);
  });
});
