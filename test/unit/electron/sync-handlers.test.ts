import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../../electron/ipc/handle';
import { registerSyncHandlers } from '../../../electron/ipc/sync-handlers';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type Res =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; subject?: string } };
const PAGE = 'file:///app/out/renderer/index.html';
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lectern-sync-main-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function mainWith(options: { fixed?: string; choose?: string | null }) {
  const map = new Map<string, Listener>();
  const registry = createHandlerRegistry(
    { handle: (c: string, fn: Listener) => void map.set(c, fn) } as never,
    (u) => u === PAGE,
  );
  const userData = temp();
  const sync = registerSyncHandlers(registry, {
    settingFile: () => join(userData, 'sync-folder.json'),
    fixedFolder: options.fixed ?? null,
    chooseFolder: async () => options.choose ?? null,
    notify: () => undefined,
  });
  const call = async (channel: string, ...args: unknown[]) =>
    (await map.get(channel)?.({ senderFrame: { url: PAGE }, sender: {} }, ...args)) as Res;
  return { call, userData, sync };
}

describe("main's sync channels (issue 20)", () => {
  it('uses LECTERN_SYNC_DIR as a fixed folder: write, list, read; the app cannot change it', async () => {
    const folder = temp();
    const { call, sync } = mainWith({ fixed: folder });
    expect(await call('sync:info')).toEqual({
      ok: true,
      value: { folder, fixed: true, hostName: hostname() },
    });
    expect(await call('sync:write', { device: 'laptop01', file: '0000000001.jsonl', text: 'x\n' })).toEqual({
      ok: true,
      value: true,
    });
    const list = (await call('sync:list')) as Res;
    expect(list.ok && (list.value as { file: string }[]).map((s) => s.file)).toEqual(['0000000001.jsonl']);
    expect(await call('sync:read', { device: 'laptop01', file: '0000000001.jsonl' })).toEqual({
      ok: true,
      value: 'x\n',
    });
    expect(await call('sync:stop')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    sync.stop();
  });

  it("removes only this device's plain segments (compaction), never a conflict copy", async () => {
    const folder = temp();
    const { call, sync } = mainWith({ fixed: folder });
    await call('sync:write', { device: 'laptop01', file: '0000000001.jsonl', text: 'x\n' });
    expect(
      await call('sync:remove', { device: 'laptop01', file: '0000000001 (conflicted copy).jsonl' }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call('sync:remove', { device: 'laptop01', file: '0000000001.jsonl' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call('sync:list')).toEqual({ ok: true, value: [] });
    // Gone already is fine.
    expect(await call('sync:remove', { device: 'laptop01', file: '0000000001.jsonl' })).toMatchObject({
      ok: true,
    });
    sync.stop();
  });

  it('remembers a chosen folder beside the database and forgets it on stop, keeping its files', async () => {
    const folder = temp();
    const { call, userData, sync } = mainWith({ choose: folder });
    expect(await call('sync:info')).toEqual({
      ok: true,
      value: { folder: null, fixed: false, hostName: hostname() },
    });
    expect(await call('sync:list')).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'no sync folder is chosen' },
    });
    expect(await call('sync:choose-folder')).toEqual({
      ok: true,
      value: { folder, fixed: false, hostName: hostname() },
    });
    expect(JSON.parse(readFileSync(join(userData, 'sync-folder.json'), 'utf8'))).toEqual({ folder });
    await call('sync:write', { device: 'laptop01', file: '0000000001.jsonl', text: 'x\n' });
    expect(await call('sync:stop')).toEqual({
      ok: true,
      value: { folder: null, fixed: false, hostName: hostname() },
    });
    expect(readFileSync(join(folder, 'lectern-sync/devices/laptop01/0000000001.jsonl'), 'utf8')).toBe('x\n');
    sync.stop();
  });

  it('names the file in every refusal', async () => {
    const { call, sync } = mainWith({ fixed: temp() });
    expect(await call('sync:read', { device: 'laptop01', file: '../../x.jsonl' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', subject: 'laptop01/../../x.jsonl' },
    });
    expect(await call('sync:read', { device: 'laptop01', file: '0000000009.jsonl' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', subject: 'laptop01/0000000009.jsonl' },
    });
    sync.stop();
  });
});
