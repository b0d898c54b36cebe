/**
 * What each backup format version holds: its tables in file order, each table's row schema and
 * primary key, and the schema of its header (every top-level member but `tables`).
 */
import { z } from 'zod';
import { legacyReviewRowSchema } from '../../db/schema/rows';
import { BACKUP_MEDIA_ROW_SCHEMAS, BACKUP_MEDIA_TABLES } from './media';
import { BACKUP_FORMAT, BACKUP_ROW_SCHEMAS, BACKUP_TABLES, type BackupTableName } from './schema';
import { BACKUP_V1_ROW_SCHEMAS, BACKUP_V1_TABLES } from './schema-v1';

/** How one table of a version is checked. */
export interface BackupTableSpec {
  schema: z.ZodType;
  /** The primary key's field, for messages (`packId+chunk` for question chunks). */
  keyName: string;
  /** The primary key of a row the schema accepted (a string or number; compound keys joined). */
  keyOf(row: unknown): unknown;
}

/** Everything the reader needs to know about one format version. */
export interface BackupVersionSpec {
  version: number;
  /** Table names in the order the version writes them. */
  names: readonly string[];
  /** Tables among `names` a file may leave out (with their counts and checksums): format 3's media. */
  optional?: readonly string[];
  tables: Record<string, BackupTableSpec>;
  header: z.ZodType;
}

const field =
  (name: string) =>
  (row: unknown): unknown =>
    (row as Record<string, unknown>)[name];

function keyed(keyName: string, schema: z.ZodType): BackupTableSpec {
  return { schema, keyName, keyOf: field(keyName) };
}

function headerSchema(
  version: number,
  names: readonly string[],
  optional: readonly string[] = [],
): z.ZodType {
  const maybe = <T extends z.ZodType>(t: string, s: T) => (optional.includes(t) ? s.optional() : s);
  const counts = Object.fromEntries(names.map((t) => [t, maybe(t, z.number().int().min(0))]));
  const checksums = Object.fromEntries(names.map((t) => [t, maybe(t, z.string())]));
  const columns = z.partialRecord(z.enum(names as [string, ...string[]]), z.array(z.string()));
  return z.object({
    ...(version >= 3 ? { columns } : {}),
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(version),
    createdAt: z.number(),
    app: z.object({ name: z.string(), version: z.string() }),
    counts: z.strictObject(counts),
    checksumAlgorithm: z.string(),
    checksums: z.strictObject(checksums),
  });
}

const V2_KEYS: Record<BackupTableName, string> = {
  packs: 'id',
  questionChunks: 'packId+chunk',
  cards: 'key',
  reading: 'key',
  settings: 'key',
  selftests: 'id',
  reviews: 'id',
};

/**
 * Versions 2 to 4 hold the same tables; 2's review rows carry the card before the answer, 4 writes the
 * review log in blocks (`review-blocks.ts`) of the same rows as 3.
 */
function tablesOfVersion(version: 2 | 3 | 4): BackupVersionSpec {
  const schemaOf = (t: BackupTableName): z.ZodType =>
    t === 'reviews' && version === 2 ? legacyReviewRowSchema : BACKUP_ROW_SCHEMAS[t];
  return {
    version,
    names: BACKUP_TABLES,
    tables: Object.fromEntries(
      BACKUP_TABLES.map((t) => [
        t,
        t === 'questionChunks'
          ? {
              schema: schemaOf(t),
              keyName: V2_KEYS[t],
              keyOf: (row: unknown) => {
                const r = row as { packId: string; chunk: number };
                return `${r.packId}:${r.chunk}`;
              },
            }
          : keyed(V2_KEYS[t], schemaOf(t)),
      ]),
    ),
    header: headerSchema(version, BACKUP_TABLES),
  };
}

const V2 = tablesOfVersion(2);
const V3_NAMES = [...BACKUP_TABLES, ...BACKUP_MEDIA_TABLES];

/**
 * Versions 3 and 4 hold version 2's tables with compact review rows, written as arrays (the header
 * names their columns; 4 writes the review log in blocks) and gzipped, then the packs' media when
 * there are any (`media.ts`): a file without media tables reads as before.
 */
function withMedia(version: 3 | 4): BackupVersionSpec {
  const rows = tablesOfVersion(version);
  return {
    version,
    names: V3_NAMES,
    optional: BACKUP_MEDIA_TABLES,
    tables: {
      ...rows.tables,
      mediaFiles: keyed('hash', BACKUP_MEDIA_ROW_SCHEMAS.mediaFiles),
      packMedia: {
        schema: BACKUP_MEDIA_ROW_SCHEMAS.packMedia,
        keyName: 'packId+name',
        keyOf: (row: unknown) => {
          const r = row as { packId: string; name: string };
          return JSON.stringify([r.packId, r.name]);
        },
      },
    },
    header: headerSchema(version, V3_NAMES, BACKUP_MEDIA_TABLES),
  };
}

const V3 = withMedia(3);
const V4 = withMedia(4);

const V1: BackupVersionSpec = {
  version: 1,
  names: BACKUP_V1_TABLES,
  tables: Object.fromEntries(
    BACKUP_V1_TABLES.map((t) => [
      t,
      keyed(t === 'packs' || t === 'reviews' || t === 'selftests' ? 'id' : 'key', BACKUP_V1_ROW_SCHEMAS[t]),
    ]),
  ),
  header: headerSchema(1, BACKUP_V1_TABLES),
};

/** The spec of a format version this build reads, or null. */
export function versionSpec(version: unknown): BackupVersionSpec | null {
  return version === 4 ? V4 : version === 3 ? V3 : version === 2 ? V2 : version === 1 ? V1 : null;
}
