/**
 * Writes the pack format's JSON Schema to content/schema/ (run with `npm run schema`).
 * A unit test compares the committed file with a fresh generation, so re-run this after changing schema.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { formatPackJsonSchema, PACK_JSON_SCHEMA_FILE } from '../core/pack/json-schema';

const dir = new URL('../../../content/schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL(PACK_JSON_SCHEMA_FILE, dir);
writeFileSync(file, formatPackJsonSchema());
console.log(`wrote ${file.pathname}`);
