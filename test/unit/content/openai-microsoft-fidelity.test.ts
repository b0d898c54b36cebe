import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Block, markdownToText, parseMarkdown } from '../../../renderer/src/core/markdown';
import type { Pack, Question } from '../../../renderer/src/core/pack';
import {
  ARTICLE_URL,
  collapse,
  collectAllText,
  collectAskedText,
  containsNormalized,
  extractNumbers,
  findEvidenceOutside,
  findRepeatedFacts,
  loadBundledPack,
  normalize,
  promptOf,
  readClozeDeletions,
  trueShare,
} from './pack-text';

const pack = loadBundledPack();
const article = readFileSync(ARTICLE_URL, 'utf8');

/** The article's key facts, written out by hand from the article. Each must be asked by some question. */
const KEY_FACTS = [
  // amounts, years, people, products
  '$1 billion',
  '2019',
  'late 2022',
  '2023',
  'Sam Altman',
  'reinstated',
  'Azure',
  'Azure AI integrations',
  'GPT-3',
  'ChatGPT',
  'cutting-edge AI models',
  'Phi',
  'Orca',
  'complementary',
  'top AI talent',
  'computing resources',
  'pace of AI development',
  'commercialization pressures',
  'rapid commercialization',
  'more cautious approach',
  // the four agreement terms
  'Exclusive cloud partnership with Azure',
  'Joint development of AI supercomputing technologies',
  'Commercialization rights for Microsoft',
  'Shared commitment to ethical AI development',
  // the three tensions
  'Strategic priorities and control',
  'Resource allocation and competition',
  'Regulatory scrutiny',
  // the regulator, the three concerns, what it did and did not do
  'Competition and Markets Authority',
  'antitrust',
  'data privacy',
  'concentration of AI power',
  'initial review',
  'formal investigation',
  // the four technical challenges
  'Compute demands',
  'Energy consumption',
  'Model alignment',
  'Security risks',
  'environmental impact',
  'adversarial attacks',
  // the competitors' table, as written
  'Gemini',
  'DeepMind',
  'Search integration',
  'TPU',
  'Meta',
  'LLaMA',
  'AI research',
  'open-source',
  'social data',
  'Amazon',
  'Bedrock',
  'Titan',
  'AWS infrastructure',
  'e-commerce data',
  'Anthropic',
  'Claude',
  'Safety-focused',
  'innovation',
  'accelerate',
  // the four scenarios
  'Deepened Integration',
  'Strategic Divergence',
  'Regulatory Intervention',
  'New Alliance Models',
  // the four lessons
  'Balancing Innovation and Responsibility',
  'Infrastructure as Competitive Advantage',
  'Talent Mobility',
  'Open vs. Proprietary Approaches',
  // the closing
  'bellwether',
  'ethical',
];

describe('the course is faithful to the article', () => {
  it('takes every listed key fact from the article itself', () => {
    for (const fact of KEY_FACTS) expect(containsNormalized(article, fact), fact).toBe(true);
  });

  it('asks about every key fact in at least one question', () => {
    const asked = pack.questions.map((q) => collectAskedText(q).join('\n'));
    const missing = KEY_FACTS.filter((fact) => !asked.some((text) => containsNormalized(text, fact)));
    expect(missing).toEqual([]);
  });

  it('uses only numbers and years that the article contains, in questions, notes and discussions', () => {
    const known = new Set(extractNumbers(article));
    expect([...known]).toEqual(expect.arrayContaining([1e9, 2019, 2022, 2023]));
    const found: { where: string; value: number }[] = [];
    for (const q of pack.questions) {
      for (const text of collectAllText(q))
        for (const value of extractNumbers(text)) found.push({ where: q.id, value });
      if (q.type === 'typed' && q.numeric) found.push({ where: `${q.id} numeric`, value: q.numeric.value });
    }
    for (const c of pack.chapters) {
      for (const s of c.sections) {
        for (const value of extractNumbers(markdownToText(s.body))) found.push({ where: s.id, value });
      }
    }
    for (const d of pack.discussions) {
      for (const value of extractNumbers([d.prompt, ...d.points].join('\n')))
        found.push({ where: d.id, value });
    }
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((f) => !known.has(f.value))).toEqual([]);
  });

  it('reads numbers in every form a student or author writes them', () => {
    for (const form of [
      '$1 billion',
      '$1B',
      '1 billion',
      'one billion dollars',
      '$1,000,000,000',
      '1000000000',
    ]) {
      expect(extractNumbers(form), form).toEqual([1e9]);
    }
    expect(extractNumbers('late 2022, GPT-3 and {{c1::2023}}')).toEqual([2022, 3, 2023]);
  });
});

/** A deep copy of the pack to tamper with, proving a check can fail. */
function tampered(change: (p: Pack) => void): Pack {
  const copy = structuredClone(pack);
  change(copy);
  return copy;
}

/** Plain text of inline nodes. */
function inlineText(nodes: readonly unknown[]): string {
  return nodes
    .map((n) => {
      const node = n as { value?: string; children?: unknown[] };
      return typeof node.value === 'string' ? node.value : inlineText(node.children ?? []);
    })
    .join('');
}

/**
 * The quotations of a section body, piece by piece (each paragraph and each list item of a `> `
 * block), split into the article's words and the editor's notes.
 */
function quotations(body: string): { article: string[]; notes: string[] } {
  const out = { article: [] as string[], notes: [] as string[] };
  for (const b of parseMarkdown(body)) {
    if (b.type !== 'quote') continue;
    const pieces = b.children.flatMap((c: Block) =>
      c.type === 'paragraph' ? [inlineText(c.children)] : c.type === 'list' ? c.items.map(inlineText) : [],
    );
    if (/^Editor's note:/.test(pieces[0] ?? '')) out.notes.push(pieces.join(' '));
    else out.article.push(...pieces.map(collapse));
  }
  return out;
}

/** Whether a question is about the malformed first row of the article's table. */
function asksAboutMalformedRow(q: Question): boolean {
  return /gemini|deepmind|tpu|search integration/i.test(collectAskedText(q).join('\n'));
}

/** The answers a question grades as right, as text (wrong choices left out). */
function gradedAnswers(q: Question): string[] {
  switch (q.type) {
    case 'flashcard':
      return [q.back];
    case 'multiple-choice':
      return q.choices.filter((c) => c.correct).map((c) => c.text);
    case 'true-false':
      return q.answer ? [q.prompt] : [];
    case 'typed':
      return q.accept;
    case 'cloze':
      return readClozeDeletions(q.text).flatMap((d) => d.answers);
    case 'matching':
      return q.pairs.map((p) => `${p.left} ${p.right}`);
    case 'ordering':
      return q.items;
  }
}

const STOP = new Set([
  'with',
  'from',
  'that',
  'into',
  'their',
  'against',
  'over',
  'between',
  'about',
  'like',
]);
/** Content words of a text, cut to five letters so "compute" and "computing" count as one. */
function stems(text: string): Set<string> {
  return new Set(
    normalize(text)
      .split(' ')
      .filter((w) => w.length >= 4 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

describe('the course teaches from the article, as a teacher would', () => {
  it("takes every question's evidence verbatim from the project's copy of the article", () => {
    expect(findEvidenceOutside(pack, article)).toEqual([]);
    const paraphrased = tampered((p) => {
      const q = p.questions[0] as Question;
      q.evidence = 'The collaboration produced ChatGPT and Azure AI integrations';
    });
    expect(findEvidenceOutside(paraphrased, article)).toEqual([pack.questions[0]?.id]);
  });

  it('quotes the article in every chapter, as quotations, and marks everything else as an editor’s note', () => {
    const text = collapse(article);
    for (const c of pack.chapters) {
      const quoted = c.sections.flatMap((s) => quotations(s.body).article);
      expect(quoted.length, c.id).toBeGreaterThan(0);
      for (const quote of quoted) expect(text, `${c.id}: ${quote.slice(0, 60)}`).toContain(quote);
    }
    // Outside quotations a section only introduces them ("The article says:") or shows the table.
    for (const s of pack.chapters.flatMap((c) => c.sections)) {
      for (const b of parseMarkdown(s.body)) {
        if (b.type === 'paragraph') expect(inlineText(b.children), s.id).toMatch(/:$/);
        else expect(['quote', 'table'], s.id).toContain(b.type);
      }
    }
  });

  it('asks each fact once: no two questions share an answer and evidence, or a prompt', () => {
    expect(findRepeatedFacts(pack)).toEqual([]);
    const repeated = tampered((p) => {
      const copy = structuredClone(p.questions[3] as Question);
      copy.id = 'a-repeat';
      p.questions.push(copy);
    });
    expect(findRepeatedFacts(repeated)).toEqual([[pack.questions[3]?.id, 'a-repeat']]);
  });

  it('balances true/false answers (40–60 % true)', () => {
    const share = trueShare(pack);
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
    const allFalse = tampered((p) => {
      for (const q of p.questions) if (q.type === 'true-false') q.answer = false;
    });
    expect(trueShare(allFalse)).toBe(0);
  });

  it('has 70–90 questions, every type in each chapter with enough matter, and at least 20 that ask for reasoning', () => {
    expect(pack.questions.length).toBeGreaterThanOrEqual(70);
    expect(pack.questions.length).toBeLessThanOrEqual(90);
    const chapterOf = new Map(pack.chapters.flatMap((c) => c.sections.map((s) => [s.id, c.id] as const)));
    for (const chapter of ['genesis', 'tensions', 'technical-challenges']) {
      const types = new Set(
        pack.questions.filter((q) => chapterOf.get(q.section) === chapter).map((q) => q.type),
      );
      expect(types.size, chapter).toBe(7);
    }
    const reasoning = pack.questions.filter((q) => q.tags?.includes('reasoning'));
    expect(reasoning.length).toBeGreaterThanOrEqual(20);
    // Reasoning spans the course: at least five chapters have some.
    expect(new Set(reasoning.map((q) => chapterOf.get(q.section))).size).toBeGreaterThanOrEqual(5);
  });

  it('gives a hint on every typed and cloze question', () => {
    const missing = pack.questions.filter(
      (q) => (q.type === 'typed' || q.type === 'cloze') && !(q.hint ?? '').trim(),
    );
    expect(missing.map((q) => q.id)).toEqual([]);
  });

  it('gives nothing away: no ordering item prints a year, no matching pair shares a word', () => {
    for (const q of pack.questions) {
      if (q.type === 'ordering')
        for (const item of q.items) expect(item, q.id).not.toMatch(/\b(19|20)\d\d\b/);
      if (q.type === 'matching') {
        for (const { left, right } of q.pairs) {
          const shared = [...stems(left)].filter((w) => stems(right).has(w));
          expect(shared, `${q.id}: ${left} / ${right}`).toEqual([]);
        }
      }
    }
  });

  it('asks at most one question about the malformed table row, never grading a guess about it', () => {
    expect(pack.questions.filter(asksAboutMalformedRow).map((q) => q.id)).toEqual(['landscape-table-defect']);
    for (const q of pack.questions) {
      for (const answer of gradedAnswers(q)) expect(answer, q.id).not.toMatch(/shift|slip|column to the/i);
      if (q.type === 'multiple-choice') {
        for (const c of q.choices) if (!c.correct) expect(c.text, q.id).not.toMatch(/deepmind|gemini/i);
      }
    }
  });

  it('asks what it asks in its own words, not as a copy of another question', () => {
    const prompts = pack.questions.map((q) => normalize(promptOf(q)));
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});
