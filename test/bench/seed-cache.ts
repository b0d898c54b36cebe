/**
 * A cache of seeded databases. Writing a million review-log rows into Chromium's IndexedDB takes
 * minutes on a small machine, and it is setup, not a measurement: the first run saves the seeded
 * IndexedDB folder, later runs copy it back into the profile (seconds). The key covers every file
 * that decides what is stored (schema, import and settings repositories, the pack reader, the
 * generator, the seeding, the course), so a change to any of them seeds afresh. `--no-cache` always
 * seeds.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = join(tmpdir(), 'lectern-bench-seeded');
// What decides the stored rows: the schema and row shapes, how an import stores a pack (the bench
// packs are Lectern JSON, read by core/pack), the bundled course, and the bench's own generator and
// seeding. (Other readers and the scheduler do not touch what is cached.)
const INPUTS = [
  'renderer/src/db/schema/database.ts',
  'renderer/src/db/schema/rows.ts',
  'renderer/src/db/repos/packs-repo.ts',
  'renderer/src/db/repos/import-repo.ts',
  'renderer/src/db/repos/settings-repo.ts',
  'renderer/src/core/pack',
  'content',
  'test/bench/generate.ts',
  'test/bench/page/seed-study.ts',
];

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

/** The cache key of a seeded database: its inputs' contents and the seeding parameters. */
export function seedCacheKey(params: Record<string, number | string>): string {
  const hash = createHash('sha256');
  // Since the seeded log is cached before any start upgrades it (schema 4's rows, as seeded).
  hash.update('seeded, not yet upgraded');
  for (const file of INPUTS.flatMap((p) => listFiles(join(repo, p)))) {
    hash.update(relative(repo, file));
    hash.update(readFileSync(file));
  }
  hash.update(JSON.stringify(params));
  return hash.digest('hex').slice(0, 16);
}

function idbDir(userDataDir: string): string {
  return join(userDataDir, 'chromium-profile', 'Default', 'IndexedDB');
}

/** The seed's facts when a database for `key` is cached. */
export function readSeedCache<T>(key: string): T | null {
  const meta = join(root, key, 'seed.json');
  return existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')) as T) : null;
}

/** Saves the (closed) profile's IndexedDB folder under `key`, replacing older caches of `label`. */
export function saveSeedCache(key: string, label: string, userDataDir: string, facts: unknown): void {
  if (existsSync(root))
    for (const old of readdirSync(root))
      if (readSeedCache<{ label?: string }>(old)?.label === label)
        rmSync(join(root, old), { recursive: true, force: true });
  cpSync(idbDir(userDataDir), join(root, key, 'IndexedDB'), { recursive: true });
  writeFileSync(join(root, key, 'seed.json'), JSON.stringify({ ...(facts as object), label }));
}

/** Puts the cached IndexedDB folder into the (closed) profile, replacing what is there. */
export function restoreSeedCache(key: string, userDataDir: string): void {
  rmSync(idbDir(userDataDir), { recursive: true, force: true });
  cpSync(join(root, key, 'IndexedDB'), idbDir(userDataDir), { recursive: true });
}
