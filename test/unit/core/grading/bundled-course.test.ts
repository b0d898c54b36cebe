import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type AnswerResponse, gradeAnswer, parseCloze } from '../../../../renderer/src/core/grading';
import { parsePackJson, type Question } from '../../../../renderer/src/core/pack';

const PACK = new URL('../../../../content/openai-microsoft.json', import.meta.url);
const parsed = parsePackJson(readFileSync(PACK, 'utf8'));
if (!parsed.ok) throw new Error('bundled pack does not parse');
const questions = parsed.pack.questions;

/** The answer the pack itself says is right. */
function rightAnswer(q: Question): AnswerResponse[] {
  switch (q.type) {
    case 'flashcard':
      return [{ type: 'flashcard', rating: 3 }];
    case 'multiple-choice':
      return [{ type: 'multiple-choice', selected: q.choices.flatMap((c, i) => (c.correct ? [i] : [])) }];
    case 'true-false':
      return [{ type: 'true-false', value: q.answer }];
    case 'typed':
      return q.accept.map((text) => ({ type: 'typed', text }));
    case 'cloze':
      return [{ type: 'cloze', answers: parseCloze(q.text).deletions.map((d) => d.answers[0] ?? '') }];
    case 'matching':
      return [{ type: 'matching', pairs: q.pairs.map((_, i) => i) }];
    case 'ordering':
      return [{ type: 'ordering', order: q.items.map((_, i) => i) }];
  }
}

describe('grading the bundled course', () => {
  it.each(questions.map((q) => [q.id, q] as const))("%s: the pack's own answers grade right", (_id, q) => {
    for (const r of rightAnswer(q)) {
      const g = gradeAnswer(q, r);
      expect(g, JSON.stringify(r)).toMatchObject({ correct: true, score: 1, typo: false });
    }
  });

  it('accepts every form a student writes for the $1 billion answer', () => {
    const q = questions.find((x) => x.type === 'typed' && x.numeric?.value === 1e9);
    expect(q).toBeDefined();
    for (const text of [
      '$1B',
      '1 billion',
      '$1,000,000,000',
      'one billion dollars',
      '1bn',
      '1,000 million',
      'USD 1bn',
    ]) {
      expect(gradeAnswer(q as Question, { type: 'typed', text }).correct, text).toBe(true);
    }
    expect(gradeAnswer(q as Question, { type: 'typed', text: '$10 billion' }).correct).toBe(false);
  });

  it('rejects an amount in another currency, or a lone "billion", for the $1 billion answer', () => {
    const q = questions.find((x) => x.id === 'genesis-investment-amount') as Question;
    for (const text of ['1 billion euros', '£1bn', '€1 billion', 'billion', 'billion dollars']) {
      expect(gradeAnswer(q, { type: 'typed', text }).correct, text).toBe(false);
    }
  });

  it('accepts the answers as students write them', () => {
    const byId = (id: string) => {
      const q = questions.find((x) => x.id === id);
      if (!q) throw new Error(`no question ${id}`);
      return q;
    };
    const typed = (id: string, text: string) => gradeAnswer(byId(id), { type: 'typed', text }).correct;
    const cloze = (id: string, answers: string[]) =>
      gradeAnswer(byId(id), { type: 'cloze', answers }).correct;
    for (const text of [
      'CMA',
      'UK Competition and Markets Authority',
      'the Competition and Markets Authority',
    ])
      expect(typed('regulatory-regulator', text), text).toBe(true);
    for (const text of ['Bedrock and Titan', 'Titan, Bedrock', 'bedrock & titan'])
      expect(typed('landscape-amazon-initiative', text), text).toBe(true);
    expect(typed('landscape-amazon-initiative', 'Bedrock')).toBe(false);
    expect(cloze('resource-talent-cloze', ['talent', 'compute'])).toBe(true);
    expect(cloze('regulatory-concerns-cloze', ['antitrust', 'privacy', 'power'])).toBe(true);
    expect(cloze('strategic-crisis-cloze', ['2023', 'restored'])).toBe(true);
    expect(cloze('scenarios-integration-cloze', ['deeper integration', 'roadmaps'])).toBe(true);
  });
});
