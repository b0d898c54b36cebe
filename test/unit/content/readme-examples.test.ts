import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES, type Section, validatePack } from '../../../renderer/src/core/pack';
import { collapse, sectionText } from './pack-text';

const README = readFileSync(new URL('../../../content/README.md', import.meta.url), 'utf8');

/** The ```json blocks of the reference page, parsed. */
function readJsonBlocks(markdown: string): Record<string, unknown>[] {
  return [...markdown.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map(
    (m) => JSON.parse(m[1] ?? '') as Record<string, unknown>,
  );
}

const blocks = readJsonBlocks(README);
const base = blocks.find((b) => b.format === 'lectern-pack') as Record<string, unknown> & {
  chapters: { sections: Section[] }[];
};

/** Validates a pack built from the minimal pack with `patch` applied, and returns its problems. */
function validateWith(patch: Record<string, unknown>) {
  const result = validatePack({ ...base, ...patch });
  return result.ok ? result.warnings : result.issues;
}

describe('the pack format reference (content/README.md)', () => {
  it('has JSON examples, starting with a complete minimal pack that validates', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    expect(base).toBeDefined();
    expect(validateWith({})).toEqual([]);
  });

  it('shows a worked example of every question type, each valid inside the minimal pack', () => {
    const questions = blocks.filter((b) => typeof b.type === 'string');
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    const sections = new Map(base.chapters.flatMap((c) => c.sections.map((s) => [s.id, s] as const)));
    for (const q of questions) {
      expect(validateWith({ questions: [q] }), String(q.id)).toEqual([]);
      const section = sections.get(String(q.section));
      expect(section, String(q.id)).toBeDefined();
      if (section && typeof q.evidence === 'string') {
        expect(sectionText(section), `${q.id} evidence`).toContain(collapse(q.evidence));
      }
    }
  });

  it('shows valid chapter and discussion examples', () => {
    const chapters = blocks.filter((b) => Array.isArray(b.sections) && 'title' in b && !('format' in b));
    const discussions = blocks.filter((b) => Array.isArray(b.points));
    expect(chapters.length).toBeGreaterThan(0);
    expect(discussions.length).toBeGreaterThan(0);
    expect(validateWith({ chapters: [...base.chapters, ...chapters] })).toEqual([]);
    expect(validateWith({ discussions })).toEqual([]);
  });

  it('has no JSON example that is not one of the above', () => {
    const known = blocks.filter(
      (b) =>
        b.format === 'lectern-pack' ||
        typeof b.type === 'string' ||
        Array.isArray(b.points) ||
        (Array.isArray(b.sections) && 'title' in b),
    );
    expect(known.length).toBe(blocks.length);
  });

  it('documents every top-level field of the format', () => {
    for (const field of [
      '$schema',
      'format',
      'formatVersion',
      'id',
      'title',
      'description',
      'author',
      'language',
      'license',
      'version',
      'date',
      'chapters',
      'questions',
      'discussions',
    ]) {
      expect(README, field).toContain(`| \`${field}\` |`);
    }
  });
});
