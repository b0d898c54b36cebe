import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatPackJsonSchema,
  PACK_JSON_SCHEMA_FILE,
  packJsonSchema,
} from '../../../renderer/src/core/pack/json-schema';

const committed = new URL(`../../../content/schema/${PACK_JSON_SCHEMA_FILE}`, import.meta.url);

describe('the published JSON Schema', () => {
  it('is the committed file, byte for byte (run `npm run schema` after changing schema.ts)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(formatPackJsonSchema());
  });

  it('describes what authors write: defaults are optional, unknown fields refused', () => {
    const schema = packJsonSchema() as {
      $id: string;
      title: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.$id).toBe('urn:lectern:schema:pack:v1');
    expect(schema.title).toContain('v1');
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'format',
        'formatVersion',
        'id',
        'title',
        'language',
        'version',
        'chapters',
        'questions',
      ]),
    );
    expect(schema.required).not.toContain('discussions');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('$schema');
  });

  it('lists all seven question types', () => {
    const text = formatPackJsonSchema();
    for (const type of [
      'flashcard',
      'multiple-choice',
      'true-false',
      'typed',
      'cloze',
      'matching',
      'ordering',
    ]) {
      expect(text).toContain(`"const": "${type}"`);
    }
  });

  it('lets an author leave out numeric tolerance, which has a default', () => {
    const schema = packJsonSchema() as {
      properties: {
        questions: {
          items: { oneOf: { properties: Record<string, { const?: string; required?: string[] }> }[] };
        };
      };
    };
    const typed = schema.properties.questions.items.oneOf.find((v) => v.properties.type?.const === 'typed');
    expect(typed?.properties.numeric?.required).toEqual(['value']);
  });
});
