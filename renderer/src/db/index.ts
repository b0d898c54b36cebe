/**
 * # db/ — the database (Dexie over IndexedDB), in two rooms
 *
 * - `schema/` — what is stored and how it stays valid: the row schemas (`rows.ts`, zod, also what
 *   backups are checked with), the database and its versions (`database.ts`), the DBCore middleware
 *   that derives index fields and tallies and sets aside bad rows (`middleware/`), and the upgrades
 *   from older versions (`upgrades/`). Nothing here imports a repository.
 * - `repos/` — one module per area (packs, import, study, stats, self-tests, backup, …): the reads
 *   and writes the operations in `ops/` call. Each imports what it needs by name; none re-exports
 *   another wholesale.
 *
 * No file imports in a circle (checked by `test/unit/architecture/house.test.ts`). Screens never
 * import from here: they call `ops/`.
 */
export {};
