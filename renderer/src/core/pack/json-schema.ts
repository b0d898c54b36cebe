/**
 * The published JSON Schema of pack format v1, generated from the zod schema so the two cannot disagree.
 * Instructors point their editor at it with `"$schema": "./schema/lectern-pack-v1.schema.json"`.
 */
import { z } from 'zod';
import { PACK_FORMAT_VERSION, packSchema } from './schema';

/** The schema's `$id`: a URN, because the schema is shipped with the app rather than served from a host. */
export const PACK_JSON_SCHEMA_ID = `urn:lectern:schema:pack:v${PACK_FORMAT_VERSION}`;

/** The file name the schema is published under, in `content/schema/`. */
export const PACK_JSON_SCHEMA_FILE = `lectern-pack-v${PACK_FORMAT_VERSION}.schema.json`;

/**
 * Builds the JSON Schema (draft 2020-12) of what an author may write: the *input* side of the zod schema,
 * so fields with defaults (`tolerance`, `discussions`) are optional. Checks zod cannot express as JSON
 * Schema (trimmed text, cross-references, Markdown safety) are still made by `parsePackJson`.
 */
export function packJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(packSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PACK_JSON_SCHEMA_ID,
    title: `Lectern pack, format v${PACK_FORMAT_VERSION}`,
    description:
      'A Lectern study pack: chapters of Markdown sections, questions of seven types tied to a section, and discussion prompts. See content/README.md.',
    ...rest,
  };
}

/** The schema as the text of the committed file: two-space JSON with a final newline. */
export function formatPackJsonSchema(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
