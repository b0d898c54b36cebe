import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../renderer/src/core/markdown';
import {
  ARTICLE_URL,
  collectAllText,
  collectAskedText,
  containsNormalized,
  extractNumbers,
  loadBundledPack,
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
