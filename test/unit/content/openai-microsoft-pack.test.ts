import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToText, parseMarkdown } from '../../../renderer/src/core/markdown';
import {
  parsePackJson,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
} from '../../../renderer/src/core/pack';
import {
  ARTICLE_URL,
  containsNormalized,
  indexSections,
  loadBundledPack,
  PACK_URL,
  readClozeDeletions,
  sectionText,
} from './pack-text';

const pack = loadBundledPack();
const sections = indexSections(pack);
const article = readFileSync(ARTICLE_URL, 'utf8');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('the bundled course pack', () => {
  it('validates against pack format v1 with no warnings', () => {
    const result = parsePackJson(readFileSync(PACK_URL, 'utf8'));
    expect(result.ok ? result.warnings : result.issues).toEqual([]);
    expect(pack.format).toBe('lectern-pack');
    expect(pack.formatVersion).toBe(1);
    expect(pack.id).toBe('openai-microsoft');
    expect(pack.language).toBe('en');
    expect(pack.version).toBe('1.1.0');
  });

  it("is described in the README as it is: its source, its count, its editor's notes", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain('content/sources/openai-microsoft-article.txt');
    expect(readme).toContain(`${pack.questions.length} questions of all seven types`);
    expect(readme).toContain("marked as an editor's note");
    expect(pack.description).toContain("marked as an editor's note");
  });

  it('points its editor at the committed JSON Schema', () => {
    const raw = JSON.parse(readFileSync(PACK_URL, 'utf8')) as { $schema?: string };
    expect(raw.$schema).toBe('./schema/lectern-pack-v1.schema.json');
    expect(() => readFileSync(new URL(raw.$schema ?? '', PACK_URL))).not.toThrow();
  });

  it('has one chapter per part of the article, in the article order', () => {
    expect(pack.chapters.map((c) => c.id)).toEqual([
      'introduction',
      'genesis',
      'tensions',
      'technical-challenges',
      'competitive-landscape',
      'future-scenarios',
      'industry-lessons',
    ]);
    const tensions = pack.chapters.find((c) => c.id === 'tensions');
    expect(tensions?.sections.map((s) => s.title)).toEqual(
      expect.arrayContaining([
        'Strategic priorities and control',
        'Resource allocation and competition',
        'Regulatory scrutiny',
      ]),
    );
  });

  it('uses unique kebab-case ids for chapters, sections, questions and discussions', () => {
    const groups = {
      chapters: pack.chapters.map((c) => c.id),
      sections: [...pack.chapters.flatMap((c) => c.sections.map((s) => s.id))],
      questions: pack.questions.map((q) => q.id),
      discussions: pack.discussions.map((d) => d.id),
    };
    for (const [name, ids] of Object.entries(groups)) {
      expect(new Set(ids).size, `${name} ids are unique`).toBe(ids.length);
      for (const id of ids) expect(id, `${name} id`).toMatch(KEBAB);
    }
  });

  it('resolves every question and discussion reference to a real section', () => {
    for (const q of pack.questions) expect(sections.has(q.section), `${q.id} → ${q.section}`).toBe(true);
    for (const d of pack.discussions) {
      expect(d.sections.length, d.id).toBeGreaterThan(0);
      for (const s of d.sections) expect(sections.has(s), `${d.id} → ${s}`).toBe(true);
    }
  });

  it('has at least 60 questions, every type, and the minimum of each type', () => {
    expect(pack.questions.length).toBeGreaterThanOrEqual(60);
    const counts = new Map<QuestionType, number>();
    for (const q of pack.questions) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
    for (const type of QUESTION_TYPES) expect(counts.get(type) ?? 0, type).toBeGreaterThanOrEqual(1);
    for (const type of ['multiple-choice', 'true-false', 'typed', 'cloze'] as const) {
      expect(counts.get(type) ?? 0, type).toBeGreaterThanOrEqual(6);
    }
  });

  it('explains every question', () => {
    for (const q of pack.questions) expect(q.explanation?.trim(), q.id).toBeTruthy();
  });

  it('gives evidence for every question, each verbatim in the referenced section', () => {
    for (const q of pack.questions) {
      const evidence = (q.evidence ?? '').replace(/\s+/g, ' ').trim();
      expect(evidence.length, q.id).toBeGreaterThan(0);
      expect(sectionText(sections.get(q.section)!), `${q.id} evidence`).toContain(evidence);
    }
  });

  /**
   * Where a typed or cloze answer must be found: the main answer (the one shown as expected) in the
   * referenced section, or, for a question that connects chapters (tag `connects`), in the article.
   * Other accepted forms are how students write it: each is in the article, or is one of these
   * forms, reviewed against the article by hand.
   */
  const STUDENT_FORMS: Record<string, string> = {
    CMA: "the initials of the Competition and Markets Authority (an editor's note says so)",
    'UK Competition and Markets Authority': 'the article\'s "UK\'s Competition and Markets Authority"',
    'Bedrock and Titan': 'the table\'s "Bedrock, Titan"',
    'Titan and Bedrock': 'the table\'s "Bedrock, Titan"',
    'Titan, Bedrock': 'the table\'s "Bedrock, Titan"',
    restored: 'for "reinstated"',
    'deeper integration': 'for "Deepened Integration"',
    'speed up': 'for "accelerate"',
    'different priorities': 'for "Differing priorities"',
    'Infrastructure as a Competitive Advantage': 'the lesson with an article',
    roadmap: 'singular of "roadmaps"',
    'adversarial attack': 'singular of "adversarial attacks"',
    'cloud provider': 'singular of "Cloud providers"',
  };

  function checkAnswers(q: Question, main: string, others: readonly string[]): void {
    const where = q.tags?.includes('connects') ? article : sectionText(sections.get(q.section)!);
    expect(containsNormalized(where, main), `${q.id}: "${main}"`).toBe(true);
    for (const a of others) {
      expect(containsNormalized(article, a) || a in STUDENT_FORMS, `${q.id}: "${a}"`).toBe(true);
    }
  }

  it('finds every typed answer (one form, for numbers) in the referenced section, and its other forms in the article', () => {
    for (const q of pack.questions) {
      if (q.type !== 'typed') continue;
      if (q.numeric) {
        const text = sectionText(sections.get(q.section)!);
        expect(
          q.accept.some((a) => containsNormalized(text, a)),
          `${q.id}: one of ${q.accept.join(', ')}`,
        ).toBe(true);
      } else {
        checkAnswers(q, q.accept[0] ?? '', q.accept.slice(1));
      }
    }
  });

  it('finds every cloze answer in the referenced section, and its alternatives in the article', () => {
    for (const q of pack.questions) {
      if (q.type !== 'cloze') continue;
      const deletions = readClozeDeletions(q.text);
      expect(deletions.length, q.id).toBeGreaterThan(0);
      for (const d of deletions) checkAnswers(q, d.answers[0] ?? '', d.answers.slice(1));
    }
  });

  it('lists only student forms that some question accepts', () => {
    const accepted = new Set(
      pack.questions.flatMap((q) =>
        q.type === 'typed'
          ? q.accept
          : q.type === 'cloze'
            ? readClozeDeletions(q.text).flatMap((d) => d.answers)
            : [],
      ),
    );
    for (const form of Object.keys(STUDENT_FORMS)) expect(accepted.has(form), form).toBe(true);
  });

  it('gives typed answers about money and years a numeric value', () => {
    const investment = pack.questions.find((q) => q.id === 'genesis-investment-amount');
    expect(investment?.type === 'typed' && investment.numeric).toEqual({
      value: 1_000_000_000,
      tolerance: 0,
      unit: 'USD',
    });
    expect(investment?.type === 'typed' && investment.accept).toEqual(
      expect.arrayContaining(['$1 billion', '$1B', '1 billion', 'one billion dollars', '$1,000,000,000']),
    );
    for (const q of pack.questions) {
      if (q.type !== 'typed' || !q.numeric) continue;
      expect(['USD', 'year'], q.id).toContain(q.numeric.unit);
    }
  });

  it('marks a multiple-choice question with several correct choices as "select all"', () => {
    for (const q of pack.questions) {
      if (q.type !== 'multiple-choice') continue;
      const correct = q.choices.filter((c) => c.correct).length;
      expect(correct, q.id).toBeGreaterThanOrEqual(1);
      expect(correct < q.choices.length, `${q.id} has a wrong choice`).toBe(true);
      if (correct > 1) expect(q.prompt, q.id).toMatch(/select all/i);
    }
  });

  it('has at least 8 discussion prompts, each with talking points', () => {
    expect(pack.discussions.length).toBeGreaterThanOrEqual(8);
    for (const d of pack.discussions) expect(d.points.length, d.id).toBeGreaterThanOrEqual(2);
  });

  it('reproduces the malformed table row as written, with an editor’s note and no invented company', () => {
    const table = pack.chapters
      .flatMap((c) => c.sections)
      .flatMap((s) => parseMarkdown(s.body))
      .find((b) => b.type === 'table');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    const rows = table.rows.map((r) =>
      r.map((cell) => cell.map((n) => (n.type === 'text' ? n.value : '')).join('')),
    );
    expect(rows).toEqual([
      ['Gemini, DeepMind', 'Search integration, TPU hardware', ''],
      ['Meta', 'LLaMA, AI research', 'Open-source approach, social data'],
      ['Amazon', 'Bedrock, Titan', 'AWS infrastructure, e-commerce data'],
      ['Anthropic', 'Claude', 'Safety-focused approach'],
    ]);
    const body = sections.get('competitive-landscape-table')?.body ?? '';
    expect(body).toContain('| Gemini, DeepMind | Search integration, TPU hardware | |');
    expect(body).toMatch(/^> \*\*Editor's note:\*\*/m);
    // The article never names the company of that row; the course must not either.
    const everything = JSON.stringify(pack);
    expect(everything).not.toMatch(/\bGoogle\b|\bAlphabet\b/);
  });

  it('marks every editor’s addition as a blockquote that starts with "Editor\'s note:"', () => {
    for (const c of pack.chapters) {
      for (const s of c.sections) {
        for (const line of s.body.split('\n')) {
          if (/editor's note/i.test(line)) expect(line, s.id).toMatch(/^> \*\*Editor's note:\*\*/);
        }
        expect(markdownToText(s.body).trim().length, s.id).toBeGreaterThan(0);
      }
    }
  });
});
