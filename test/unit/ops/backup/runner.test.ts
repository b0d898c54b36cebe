/**
 * The whole path of a backup, in one process: the page's runner, the worker's side over a
 * MessageChannel (fake-indexeddb), main's real backup handlers behind a fake bridge, files on disk.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAllTables } from '../../../../renderer/src/db/repos/backup-repo';
import { LecternDb } from '../../../../renderer/src/db/schema/database';
import { fill, workerOn } from '../../../support/backup-worker';
import { sampleTables } from '../../core/backup/fixtures';

const saveDialog = vi.hoisted(() => ({ path: null as string | null }));
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showSaveDialog: async () =>
      saveDialog.path ? { canceled: false, filePath: saveDialog.path } : { canceled: true },
  },
  shell: { openPath: async () => '' },
}));

const { registerBackupHandlers } = await import('../../../../electron/ipc/backup-handlers');
const { createHandlerRegistry } = await import('../../../../electron/ipc/handle');
const { runExport, runVerify } = await import('../../../../renderer/src/ops/backup/runner');
const { autoBackupSource, fileSource } = await import('../../../../renderer/src/ops/backup/sources');
const { describeIssue } = await import('../../../../renderer/src/ops/backup/restore');

const PAGE = 'file:///app/out/renderer/index.html';
const V1_FIXTURE = readFileSync(new URL('../../../fixtures/backups/v1-backup.json', import.meta.url), 'utf8');
const META = { now: 1_700_000_000_000, appVersion: '0.1.0' };

let dir = '';
let calls: string[] = [];
/** Channels that fail on purpose: `{ 'backup:write-part': 3 }` fails the third call. */
let failOn: Record<string, number> = {};
const dbs: LecternDb[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-runner-'));
  calls = [];
  failOn = {};
  type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
  const map = new Map<string, Listener>();
  const registry = createHandlerRegistry(
    { handle: (c: string, fn: Listener) => void map.set(c, fn) } as never,
    (u) => u === PAGE,
  );
  registerBackupHandlers(registry, () => dir);
  const lectern = {
    invoke: async (channel: string, ...args: unknown[]) => {
      calls.push(channel);
      if (failOn[channel] !== undefined && --failOn[channel] === 0)
        return { ok: false, error: { code: 'io', message: `could not write ${dir}/x: the disk is full` } };
      const fn = map.get(channel);
      if (!fn) return { ok: false, error: { code: 'forbidden', message: `no ${channel}` } };
      return fn({ senderFrame: { url: PAGE }, sender: {} }, ...structuredClone(args));
    },
    on: () => () => {},
  };
  vi.stubGlobal('window', { lectern });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  saveDialog.path = null;
  rmSync(dir, { recursive: true, force: true });
  for (const d of dbs.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

function open(): LecternDb {
  const d = new LecternDb(`test-runner-${Math.random()}`);
  dbs.push(d);
  return d;
}

describe('backups through the worker and main', () => {
  it('writes an automatic backup in parts and restores it from the list into another database', async () => {
    const source = open();
    await fill(source, sampleTables());
    const fractions: number[] = [];
    const done = await runExport(
      { kind: 'auto', reason: 'daily' },
      { ...META, partChars: 100 },
      (f) => fractions.push(f),
      workerOn(source),
    );
    expect(done?.written.name).toMatch(/^lectern-backup-.*-daily\.json$/);
    expect(done?.summary).toMatchObject({ packs: 1, questions: 2, reviews: 2 });
    expect(readdirSync(dir)).toEqual([done?.written.name]);
    expect(calls.filter((c) => c === 'backup:write-part').length).toBeGreaterThan(10);
    expect(fractions[fractions.length - 1]).toBe(1);

    const target = open();
    const name = done?.written.name ?? '';
    const auto = autoBackupSource(name, done?.written.bytes ?? 0, 'the automatic backup');
    const checked = await runVerify('check', auto, undefined, workerOn(target));
    expect(checked).toMatchObject({ ok: true, summary: { packs: 1, reviews: 2 } });
    expect(await target.packs.count()).toBe(0);
    const progress: number[] = [];
    expect(await runVerify('restore', auto, (f) => progress.push(f), workerOn(target))).toEqual(checked);
    expect(progress[progress.length - 1]).toBe(1);
    expect(await readAllTables(target)).toEqual(await readAllTables(source));
  });

  it('saves an export where the user chose, or does nothing when the dialog is cancelled', async () => {
    const d = open();
    await fill(d, sampleTables());
    expect(await runExport({ kind: 'save', defaultName: 'b.json' }, META, undefined, workerOn(d))).toBeNull();
    saveDialog.path = join(dir, 'mine.json');
    const done = await runExport({ kind: 'save', defaultName: 'b.json' }, META, undefined, workerOn(d));
    expect(done?.written.path).toBe(saveDialog.path);
    // Format 4: the backup's JSON, gzip-compressed.
    expect(JSON.parse(gunzipSync(readFileSync(saveDialog.path)).toString('utf8'))).toMatchObject({
      format: 'lectern-backup',
      formatVersion: 4,
    });
  });

  it('keeps the file that was there when writing fails midway, and says why', async () => {
    const d = open();
    await fill(d, sampleTables());
    saveDialog.path = join(dir, 'mine.json');
    writeFileSync(saveDialog.path, 'the good backup');
    failOn = { 'backup:write-part': 3 };
    await expect(
      runExport({ kind: 'save', defaultName: 'b.json' }, { ...META, partChars: 100 }, undefined, workerOn(d)),
    ).rejects.toThrow(/the disk is full/);
    expect(calls).toContain('backup:write-abort');
    expect(readdirSync(dir)).toEqual(['mine.json']);
    expect(readFileSync(saveDialog.path, 'utf8')).toBe('the good backup');
  });

  it('restores a version 1 file the student chose, read in slices', async () => {
    const d = open();
    const file = new File([V1_FIXTURE], 'old-backup.json');
    const verdict = await runVerify('restore', fileSource(file, 64), undefined, workerOn(d));
    expect(verdict).toMatchObject({
      ok: true,
      origin: { formatVersion: 1 },
      summary: { questions: 7, cards: 6, reviews: 5 },
    });
    expect(await d.questionChunks.count()).toBe(1);
  });

  it('refuses a truncated file and a file that stops being UTF-8 halfway, changing nothing', async () => {
    const d = open();
    await fill(d, sampleTables());
    const before = await readAllTables(d);
    const cut = new File([V1_FIXTURE.slice(0, 2000)], 'cut.json');
    const refused = await runVerify('restore', fileSource(cut, 300), undefined, workerOn(d));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map(describeIssue).join()).toMatch(/truncated/);

    const latin1 = new File(
      [new TextEncoder().encode(V1_FIXTURE.slice(0, 900)), new Uint8Array([0xe9]), V1_FIXTURE.slice(900)],
      'latin.json',
    );
    await expect(runVerify('restore', fileSource(latin1, 256), undefined, workerOn(d))).rejects.toThrow(
      /latin\.json is not UTF-8 text \(bytes 768–1024\)/,
    );
    expect(await readAllTables(d)).toEqual(before);
  });
});

describe('describeIssue', () => {
  it('adds the field of a row and the line when the message does not say them', () => {
    expect(
      describeIssue({
        message: 'Invalid reviews row 3: bad.',
        path: ['tables', 'reviews', 2, 'prev', 'state'],
        line: 1234,
      }),
    ).toBe('Invalid reviews row 3: bad. (field prev.state, line 1,234)');
    expect(describeIssue({ message: 'damaged at line 4, column 2.', line: 4 })).toBe(
      'damaged at line 4, column 2.',
    );
    expect(describeIssue({ message: 'The cards table is missing.', path: ['tables', 'cards'] })).toBe(
      'The cards table is missing.',
    );
  });
});
