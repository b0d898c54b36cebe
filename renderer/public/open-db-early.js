/*
 * Starts opening the app's IndexedDB database while the app's scripts are still loading: on a large
 * database the browser's first open takes most of a second, and the app's own open (Dexie, in
 * renderer/src/db/schema/database.ts) otherwise begins only once its code has run. This connection creates
 * nothing (a first run aborts its creation) and is closed as soon as the app's own connection is
 * open (`closeEarlyConnection`), or when another connection needs to upgrade the database.
 * A plain script, not a module: it runs before the module scripts are even fetched.
 */
try {
  const req = indexedDB.open('lectern');
  req.onupgradeneeded = () => {
    // No database yet: leave its creation to the app (which knows the schema).
    req.transaction?.abort();
  };
  req.onsuccess = () => {
    const conn = req.result;
    conn.onversionchange = () => conn.close();
    globalThis.__lecternEarlyDb = conn;
    // Read by the e2e start-up test (foundation.spec.ts).
    performance.mark('lectern:db:early:end');
  };
  req.onerror = (e) => e.preventDefault();
} catch {
  // IndexedDB unavailable: the app reports it when it opens the database itself.
}
