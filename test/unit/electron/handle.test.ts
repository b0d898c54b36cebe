import { describe, expect, it } from 'vitest';
import { createHandlerRegistry, HandlerError } from '../../../electron/ipc/handle';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const map = new Map<string, Listener>();
  return {
    map,
    handle: (channel: string, fn: Listener) => {
      map.set(channel, fn);
    },
  };
}
const PAGE = 'file:///app/out/renderer/index.html';
const own = (url: string) => url === PAGE;
const event = (url: string) => ({ senderFrame: { url } });

describe('IPC handler registry', () => {
  it('refuses a channel that is not in the contract', () => {
    const { handle } = createHandlerRegistry(fakeIpc() as never, own);
    expect(() => handle('nope:never' as never, () => null as never)).toThrow(/not in the contract/);
  });

  it('refuses to register a channel twice', () => {
    const { handle } = createHandlerRegistry(fakeIpc() as never, own);
    handle('backup:list', () => []);
    expect(() => handle('backup:list', () => [])).toThrow(/already handled/);
  });

  it('refuses a call from a foreign sender frame without running the handler', async () => {
    const ipc = fakeIpc();
    let ran = false;
    createHandlerRegistry(ipc as never, own).handle('backup:list', () => {
      ran = true;
      return [];
    });
    const res = await ipc.map.get('backup:list')?.(event('https://evil.example/'));
    expect(res).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('foreign') },
    });
    expect(ran).toBe(false);
    expect(await ipc.map.get('backup:list')?.({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('wraps values and errors into results', async () => {
    const ipc = fakeIpc();
    const { handle } = createHandlerRegistry(ipc as never, own);
    handle('backup:list', () => []);
    handle('backup:read-begin', () => {
      throw new HandlerError('not-found', 'gone');
    });
    handle('content:list', () => {
      throw new Error('boom');
    });
    expect(await ipc.map.get('backup:list')?.(event(PAGE))).toEqual({ ok: true, value: [] });
    expect(await ipc.map.get('backup:read-begin')?.(event(PAGE), { name: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    });
    expect(await ipc.map.get('content:list')?.(event(PAGE))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});
