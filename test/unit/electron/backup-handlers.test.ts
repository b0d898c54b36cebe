import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

const { KEEP_BACKUPS, backupFileName, listBackups, registerBackupHandlers } = await import(
  '../../../electron/ipc/backup-handlers'
);
const { BackupStreams, TEMP_FILE } = await import('../../../electron/ipc/backup-streams');
const { createHandlerRegistry } = await import('../../../electron/ipc/handle');
type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const PAGE = 'file:///app/out/renderer/index.html';

/** Main's backup channels over a fake ipcMain, called as the page would. */
function mainWith(dir: string) {
  const map = new Map<string, Listener>();
  const ipc = { handle: (c: string, fn: Listener) => void map.set(c, fn) };
  const registry = createHandlerRegistry(ipc as never, (u) => u === PAGE);
  const streams = registerBackupHandlers(registry, () => dir);
  const call = async (channel: string, ...args: unknown[]) =>
    (await map.get(channel)!({ senderFrame: { url: PAGE }, sender: {} }, ...args)) as
      | { ok: true; value: never }
      | { ok: false; error: { code: string; message: string } };
  const value = async (channel: string, ...args: unknown[]) => {
    const res = await call(channel, ...args);
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    return res.value as never;
  };
  return { call, value, streams };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'lectern-backup-streams-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  saveDialog.path = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writing a backup in parts', () => {
  it('appears under its name only once complete, with exactly the parts written', async () => {
    const dir = tempDir();
    const main = mainWith(dir);
    // A whole backup (pruning keeps only whole ones) whose text has multi-byte characters at the cut.
    const text = wholeBackup(0, 'é😀');
    const cut = text.indexOf('😀') + 2;
    const { id } = await main.value('backup:write-begin', { kind: 'auto', reason: 'daily' });
    await main.value('backup:write-part', { id, text: text.slice(0, cut) });
    expect(await main.value('backup:list')).toEqual([]); // the temporary file is hidden from the list
    expect(main.streams.lastWriteActivity()).not.toBeNull();
    await main.value('backup:write-part', { id, text: text.slice(cut) });
    const written = (await main.value('backup:write-end', { id })) as {
      name: string;
      path: string;
      bytes: number;
    };
    expect(written.name).toMatch(/^lectern-backup-.*-daily\.json$/);
    expect(readFileSync(written.path, 'utf8')).toBe(text);
    expect(written.bytes).toBe(Buffer.byteLength(text));
    expect(readdirSync(dir)).toEqual([written.name]);
    expect(main.streams.lastWriteActivity()).toBeNull();
  });

  it('names the backup written before the first sync merge as such, and lists it with the others', async () => {
    const dir = tempDir();
    const main = mainWith(dir);
    const { id } = await main.value('backup:write-begin', { kind: 'auto', reason: 'sync' });
    await main.value('backup:write-part', { id, text: wholeBackup(0, 'x') });
    const written = (await main.value('backup:write-end', { id })) as { name: string };
    expect(written.name).toMatch(/^lectern-backup-.*-sync\.json$/);
    expect(((await main.value('backup:list')) as { name: string }[]).map((b) => b.name)).toEqual([
      written.name,
    ]);
    expect(await main.call('backup:write-begin', { kind: 'auto', reason: 'weekly' })).toMatchObject({
      ok: false,
    });
  });

  it('never replaces a good file with a half-written one: an abort or a crash leaves it as it was', async () => {
    const dir = tempDir();
    const target = join(dir, 'my-backup.json');
    writeFileSync(target, 'the good backup');
    saveDialog.path = target;
    const main = mainWith(dir);
    const first = await main.value('backup:write-begin', { kind: 'save', defaultName: 'x.json' });
    await main.value('backup:write-part', { id: (first as { id: string }).id, text: 'half' });
    await main.value('backup:write-abort', first);
    expect(readdirSync(dir)).toEqual(['my-backup.json']);
    // A renderer that dies mid-way never calls write-end: the destination is untouched.
    const second = (await main.value('backup:write-begin', { kind: 'save', defaultName: 'x.json' })) as {
      id: string;
    };
    const whole = wholeBackup(5);
    const half = Math.floor(whole.length / 2);
    await main.value('backup:write-part', { id: second.id, text: whole.slice(0, half) });
    expect(readFileSync(target, 'utf8')).toBe('the good backup');
    expect(readdirSync(dir).filter((n) => TEMP_FILE.test(n))).toHaveLength(1);
    await main.value('backup:write-part', { id: second.id, text: whole.slice(half) });
    await main.value('backup:write-end', second);
    expect(readFileSync(target, 'utf8')).toBe(whole);
  });

  it('returns null when the save dialog is cancelled', async () => {
    const main = mainWith(tempDir());
    expect(await main.value('backup:write-begin', { kind: 'save', defaultName: 'x.json' })).toBeNull();
  });

  it('removes temporary files of writes that never finished before an automatic backup, and keeps the newest ten', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lectern-backup-2026-01-01T00-00-00-000Z-quit.json.0123abcd.part'), 'cut');
    for (let i = 0; i < 12; i++)
      writeFileSync(
        join(dir, backupFileName(new Date(Date.UTC(2026, 0, 1, 0, 0, i)), 'quit')),
        wholeBackup(i),
      );
    const main = mainWith(dir);
    const { id } = await main.value('backup:write-begin', { kind: 'auto', reason: 'quit' });
    await main.value('backup:write-part', { id, text: wholeBackup(99) });
    const written = (await main.value('backup:write-end', { id })) as { name: string };
    const names = readdirSync(dir);
    expect(names.filter((n) => TEMP_FILE.test(n))).toEqual([]);
    expect(names).toHaveLength(KEEP_BACKUPS);
    // The oldest ones went: the kept ones run from second 3 to the new backup, listed newest first.
    expect(names.sort()[0]).toContain('2026-01-01T00-00-03');
    expect((await listBackups(dir))[0]?.name).toBe(written.name);
  });

  it('refuses a part that cuts a character in two, and unknown ids', async () => {
    const main = mainWith(tempDir());
    const { id } = await main.value('backup:write-begin', { kind: 'auto', reason: 'daily' });
    const pair = '😀';
    expect(await main.call('backup:write-part', { id, text: `a${pair[0]}` })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/cut a character in two/) },
    });
    expect(await main.call('backup:write-part', { id, text: `${pair[1]}b` })).toMatchObject({ ok: false });
    expect(await main.call('backup:write-part', { id: 'nope', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await main.call('backup:write-begin', { kind: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('says the file cannot be written, naming it', async () => {
    saveDialog.path = join(tempDir(), 'gone', 'mine.json');
    const res = await mainWith(tempDir()).call('backup:write-begin', {
      kind: 'save',
      defaultName: 'mine.json',
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/could not write .*gone\/mine\.json: ENOENT/) },
    });
  });
});

describe('reading a backup in parts', () => {
  it('hands over decoded text in parts, characters split between parts decoded whole', async () => {
    const dir = tempDir();
    const text = `${'é😀a'.repeat(1000)}\n`;
    const name = backupFileName(new Date(Date.UTC(2026, 0, 2)), 'daily');
    writeFileSync(join(dir, name), `\uFEFF${text}`);
    const streams = new BackupStreams(Date.now, 7); // 7 bytes a part: every character is cut somewhere
    const { id, bytes } = await streams.beginRead(join(dir, name), name);
    expect(bytes).toBe(Buffer.byteLength(`\uFEFF${text}`));
    let out = '';
    let reads = 0;
    for (;;) {
      const part = await streams.readPart(id);
      out += part.text;
      reads++;
      if (part.done) {
        expect(part.bytesRead).toBe(bytes);
        break;
      }
    }
    expect(out).toBe(text);
    expect(reads).toBe(Math.ceil(bytes / 7));
    await expect(streams.readPart(id)).rejects.toThrow(/no backup read in progress/);
  });

  it('reads an automatic backup through the channels, and refuses other names', async () => {
    const dir = tempDir();
    const name = backupFileName(new Date(Date.UTC(2026, 0, 2)), 'quit');
    writeFileSync(join(dir, name), '{"x":1}');
    const main = mainWith(dir);
    const { id } = await main.value('backup:read-begin', { name });
    expect(await main.value('backup:read-part', { id })).toEqual({
      text: '{"x":1}',
      bytesRead: 7,
      done: true,
    });
    expect(await main.call('backup:read-begin', { name: '../secrets.json' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await main.call('backup:read-begin', { name: backupFileName(new Date(0), 'quit') })).toMatchObject(
      {
        ok: false,
        error: { code: 'not-found' },
      },
    );
  });

  it('refuses a file that is not UTF-8, saying where', async () => {
    const dir = tempDir();
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0x22, 0x61, 0xe9, 0x22, 0x7d]));
    const streams = new BackupStreams(Date.now, 4);
    const { id } = await streams.beginRead(path, 'latin1.json');
    await expect(
      (async () => {
        for (;;) if ((await streams.readPart(id)).done) return;
      })(),
    ).rejects.toThrow(/latin1\.json is not UTF-8 text \(bytes 4–6\): it is not a Lectern backup/);
  });

  it('closes sessions left idle, deleting what they were writing', async () => {
    const dir = tempDir();
    let now = 0;
    const streams = new BackupStreams(() => now);
    const id = await streams.beginWrite(join(dir, 'x.json'));
    await streams.writePart(id, 'abc');
    now = 11 * 60_000;
    await streams.beginRead(join(dir, 'missing'), 'missing').catch(() => {});
    expect(readdirSync(dir)).toEqual([]);
    await expect(streams.writePart(id, 'd')).rejects.toThrow(/timed out/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});

describe('main does not trust the page with backup volume (issue 19, item 8)', () => {
  it('300 write-begin without end leave at most MAX_OPEN_SESSIONS open .part files', async () => {
    const { MAX_OPEN_SESSIONS } = await import('../../../electron/ipc/backup-streams');
    const dir = tempDir();
    const main = mainWith(dir);
    const refused: string[] = [];
    for (let i = 0; i < 300; i++) {
      const res = await main.call('backup:write-begin', { kind: 'auto', reason: 'daily' });
      if (!res.ok) refused.push(res.error.message);
    }
    expect(readdirSync(dir).filter((n) => TEMP_FILE.test(n))).toHaveLength(MAX_OPEN_SESSIONS);
    expect(refused).toHaveLength(300 - MAX_OPEN_SESSIONS);
    expect(refused[0]).toMatch(/already open; finish or cancel one first/);
  });

  it('a write past its byte cap is refused and its temporary file removed', async () => {
    const dir = tempDir();
    const map = new Map<string, Listener>();
    const ipc = { handle: (c: string, fn: Listener) => void map.set(c, fn) };
    const streams = new BackupStreams(Date.now, undefined, null, { writeBytes: 10 });
    registerBackupHandlers(
      createHandlerRegistry(ipc as never, (u) => u === PAGE),
      () => dir,
      { streams },
    );
    const call = (c: string, a: unknown) =>
      map.get(c)!({ senderFrame: { url: PAGE }, sender: {} }, a) as Promise<{
        ok: boolean;
        value?: { id: string };
        error?: { message: string };
      }>;
    const begun = await call('backup:write-begin', { kind: 'auto', reason: 'daily' });
    const id = begun.value?.id;
    expect((await call('backup:write-part', { id, text: '12345' })).ok).toBe(true);
    const over = await call('backup:write-part', { id, text: '123456' });
    expect(over.ok).toBe(false);
    expect(over.error?.message).toMatch(/at most/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('ten junk "automatic backups" written over IPC do not prune a real one', async () => {
    const dir = tempDir();
    const real = backupFileName(new Date(Date.UTC(2026, 0, 1)), 'quit');
    writeFileSync(join(dir, real), wholeBackup(1));
    const main = mainWith(dir);
    for (let i = 0; i < 10; i++) {
      const { id } = await main.value('backup:write-begin', { kind: 'auto', reason: 'daily' });
      await main.value('backup:write-part', { id, text: `{"format":"lectern-backup","junk":${i}}` });
      // Checked before it is renamed into place: junk is refused and deleted, never listed.
      expect(await main.call('backup:write-end', { id })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/was not written: .*not a whole Lectern backup/) },
      });
    }
    // The real one stays; junk counts for nothing and is removed (it could never be restored).
    expect(readdirSync(dir)).toEqual([real]);
  });

  it('a backup cut short, edited or with a row added is not counted as whole', async () => {
    const { isWholeBackup } = await import('../../../electron/ipc/backup-validity');
    const dir = tempDir();
    const good = wholeBackup(3);
    const cases: [string, string, boolean][] = [
      ['good', good, true],
      ['cut', good.slice(0, -40), false],
      ['edited', good.replace('"k3"', '"k4"'), false],
      ['added', good.replace('"settings":[\n', '"settings":[\n{"key":"x","value":1},\n'), false],
      ['empty', '', false],
    ];
    for (const [name, text, whole] of cases) {
      writeFileSync(join(dir, name), text);
      expect([name, await isWholeBackup(join(dir, name))]).toEqual([name, whole]);
    }
  });

  it('removes the .part files of an export and a quit backup cut short by a kill on the next start', async () => {
    const { removeInterruptedWrites } = await import('../../../electron/ipc/backup-streams');
    const dir = tempDir();
    const backups = join(dir, 'backups');
    const exportDir = join(dir, 'Documents');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(backups);
    mkdirSync(exportDir);
    const journal = join(dir, 'backup-writes.json');
    const streams = new BackupStreams(Date.now, undefined, journal);
    await streams.beginWrite(join(exportDir, 'my-export.json'));
    await streams.beginWrite(join(backups, backupFileName(new Date(), 'quit')));
    expect(JSON.parse(readFileSync(journal, 'utf8'))).toHaveLength(2);
    expect(readdirSync(exportDir).filter((n) => TEMP_FILE.test(n))).toHaveLength(1);
    // The process dies here (nothing closes the streams); the next start cleans up.
    removeInterruptedWrites(journal, backups);
    expect(readdirSync(exportDir)).toEqual([]);
    expect(readdirSync(backups)).toEqual([]);
    expect(existsSync(journal)).toBe(false);
  });
});
