/**
 * The backup writer of Lectern before database schema 2 (backup format 1), kept verbatim in shape so
 * tests can write version 1 files from any rows: one JSON document, header with counts and checksums
 * first, rows of `packs, questions, cards, reviews, reading, settings, selftests` one per line.
 */
import { CHECKSUM_ALGORITHM, createHasher } from '../../../../renderer/src/core/backup';

export const V1_TABLES = [
  'packs',
  'questions',
  'cards',
  'reviews',
  'reading',
  'settings',
  'selftests',
] as const;
export type V1Tables = Record<(typeof V1_TABLES)[number], unknown[]>;

/** A version 1 backup's text, exactly as the previous version wrote it. */
export function serializeV1Backup(tables: V1Tables, meta: { createdAt: number; appVersion: string }): string {
  const counts = Object.fromEntries(V1_TABLES.map((t) => [t, tables[t].length]));
  const checksums = Object.fromEntries(
    V1_TABLES.map((t) => {
      const h = createHasher();
      for (const row of tables[t]) {
        h.update(JSON.stringify(row));
        h.update('\n');
      }
      return [t, h.digest()];
    }),
  );
  const header = {
    format: 'lectern-backup',
    formatVersion: 1,
    createdAt: meta.createdAt,
    app: { name: 'Lectern', version: meta.appVersion },
    counts,
    checksumAlgorithm: CHECKSUM_ALGORITHM,
    checksums,
  };
  const head = JSON.stringify(header, null, 1).slice(0, -2);
  const bodies = V1_TABLES.map(
    (t) => `${JSON.stringify(t)}:[\n${tables[t].map((r) => JSON.stringify(r)).join(',\n')}\n]`,
  );
  return `${head},\n"tables":{\n${bodies.join(',\n')}\n}}\n`;
}
