import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  externalWebUrl,
  guardNavigation,
  isExternalWebUrl,
  isOwnPage,
} from '../../../electron/security';

const PAGE = 'file:///app/out/renderer/index.html';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: never) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: never) => {
      openHandler = fn;
    },
    navigate(name: string, url: string) {
      const preventDefault = vi.fn();
      listeners.get(name)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('shell security', () => {
  it('knows our own page and nothing else', () => {
    expect(isOwnPage(`${PAGE}#x`, PAGE)).toBe(true);
    expect(isOwnPage('file:///app/out/renderer/other.html', PAGE)).toBe(false);
    expect(isOwnPage('https://example.com/', PAGE)).toBe(false);
    expect(isOwnPage('not a url', PAGE)).toBe(false);
  });

  it('refuses every navigation but our own page, and every window.open', () => {
    const c = fakeContents();
    guardNavigation(c as never, PAGE);
    expect(c.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(c.navigate('will-navigate', PAGE)).toBe(false);
    expect(c.navigate('will-attach-webview', PAGE)).toBe(true);
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('hands only http(s) links to the OS browser', () => {
    expect(isExternalWebUrl('https://example.com/a')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://host/share')).toBe(false);
  });

  it('shell:open-external forwarded the raw string: the OS gets the URL as parsed and checked', () => {
    expect(externalWebUrl(' https://exa\tmple.com/a b\n')).toBe('https://example.com/a%20b');
    expect(externalWebUrl('HTTPS://EXAMPLE.com')).toBe('https://example.com/');
    expect(externalWebUrl('java\nscript:alert(1)')).toBeNull();
    expect(externalWebUrl('file:///etc/passwd')).toBeNull();
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (fn: never) => {
        request = fn;
      },
      setPermissionCheckHandler: (fn: never) => {
        check = fn;
      },
    } as never);
    const cb = vi.fn();
    (request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect((check as unknown as () => boolean)()).toBe(false);
  });
});
