/**
 * Security decisions of the shell, as small functions that unit tests drive with fake objects.
 */
import type { Session, WebContents } from 'electron';

/** True when `url` is our own page (same file or dev-server URL, ignoring query and hash). */
export function isOwnPage(url: string, pageUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(pageUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** Only plain web links may be handed to the OS browser. */
/**
 * The http(s) URL to hand to the OS, as the URL parser read it (tabs and newlines dropped, host
 * normalised), or null: what was checked is exactly what is opened, never the raw string.
 */
export function externalWebUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function isExternalWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

type Guardable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Refuses every in-app navigation except reloading our own page, and every `window.open`.
 * Links reach the OS browser only through `shell:open-external`, which the renderer calls on a click.
 */
export function guardNavigation(contents: Guardable, pageUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, pageUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPage(url, pageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission request and check (camera, notifications, geolocation, …). */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
