import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { closeEarlyConnection, DB_NAME, LecternDb } from '../../../renderer/src/db/schema/database';

// The page's first script (renderer/index.html), run as the page runs it: a plain script.
const script = readFileSync(new URL('../../../renderer/public/open-db-early.js', import.meta.url), 'utf8');
const scope = globalThis as { __lecternEarlyDb?: IDBDatabase };

function runEarlyScript(): void {
  new Function(script)();
}

/** Waits until the early open has finished one way or the other. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 2));
}

afterEach(async () => {
  closeEarlyConnection();
  await Dexie.delete(DB_NAME);
});

describe('opening the database early', () => {
  it('creates nothing on a first run, and the app then creates its database as usual', async () => {
    runEarlyScript();
    await settle();
    expect(scope.__lecternEarlyDb).toBeUndefined();
    expect(await Dexie.exists(DB_NAME)).toBe(false);
    const db = new LecternDb();
    await db.settings.put({ key: 'k', value: 1 } as never);
    expect(await db.settings.count()).toBe(1);
    db.close();
  });

  it('keeps its connection until the app has opened its own, then closes it', async () => {
    const first = new LecternDb();
    await first.open();
    first.close();
    runEarlyScript();
    await settle();
    const early = scope.__lecternEarlyDb;
    expect(early?.name).toBe(DB_NAME);
    const db = new LecternDb();
    await db.open();
    expect(scope.__lecternEarlyDb).toBeUndefined();
    // Closed: a transaction on it is refused.
    expect(() => early?.transaction('settings')).toThrow();
    db.close();
  });

  it('gives way to an upgrade of the database', async () => {
    const old = new Dexie(DB_NAME);
    old.version(1).stores({ settings: 'key' });
    await old.open();
    old.close();
    runEarlyScript();
    await settle();
    expect(scope.__lecternEarlyDb).toBeDefined();
    // A newer schema opens although the early connection was open at the old version.
    const db = new LecternDb();
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    db.close();
  });

  it('is closed once (a second call finds none)', () => {
    let closed = 0;
    const fake = { close: () => closed++ } as unknown as IDBDatabase;
    const s: { __lecternEarlyDb?: IDBDatabase } = { __lecternEarlyDb: fake };
    expect(closeEarlyConnection(s)).toBe(true);
    expect(closeEarlyConnection(s)).toBe(false);
    expect(closed).toBe(1);
  });
});
