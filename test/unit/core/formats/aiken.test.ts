import { describe, expect, it } from 'vitest';
import { readAiken, readPackFile } from '../../../../renderer/src/core/formats';
import { readFixture } from './fixtures';

describe('readAiken', () => {
  it('reads A. and A) options, multi-line question text and questions without blank lines between', () => {
    const result = readPackFile('questions.txt', readFixture('aiken/questions.txt'));
    expect(result.format).toBe('aiken');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.id).toBe('questions.aiken');
    expect(result.pack.chapters.map((c) => c.title)).toEqual(['Questions']);
    expect(result.pack.questions).toEqual([
      {
        id: expect.stringMatching(/^q-[0-9a-f]{12}$/),
        section: 'questions',
        type: 'multiple-choice',
        prompt: 'Which company invested $1 billion in OpenAI in 2019?',
        choices: [
          { text: 'Google', correct: false },
          { text: 'Microsoft', correct: true },
          { text: 'Amazon', correct: false },
          { text: 'Meta', correct: false },
        ],
      },
      expect.objectContaining({
        prompt: 'What did the partnership give Microsoft?\nThe question text may span\nseveral lines.',
        choices: [
          { text: 'Exclusive cloud provider status', correct: true },
          { text: 'A seat on the board of Google', correct: false },
        ],
      }),
      expect.objectContaining({ prompt: 'Which regulator looked into the deal?' }),
    ]);
  });

  it('reports every broken question at its line', () => {
    const result = readPackFile('broken.txt', readFixture('aiken/broken.txt'), { format: 'aiken' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '5:1: the question at line 1 has no "ANSWER: X" line after its options; a new question starts here',
      '8:1: ANSWER E is not one of the options (A, B)',
      '10:1: option A has no question text above it',
      '14:1: a question needs at least 2 options',
      '18:1: option A is given twice (first at line 17)',
      '20:1: "ANSWER:" names one option letter, like "ANSWER: B", not "A, B"',
    ]);
  });

  it('gives the same question the same id in every import', () => {
    const text = 'Q?\nA. x\nB. y\nANSWER: A\n';
    const a = readAiken(text);
    const b = readAiken(`\n\n${text}`);
    expect(a.ok && b.ok && a.pack.questions[0]?.id === b.pack.questions[0]?.id).toBe(true);
  });

  it('reports a question cut off at the end of the file', () => {
    const result = readAiken('Q?\nA. x\nB. y\n');
    expect(result.ok ? [] : result.issues).toEqual([
      { message: 'this question has no "ANSWER: X" line after its options', line: 1, column: 1 },
    ]);
  });

  it('reads options written with no space after the letter, as Moodle does', () => {
    const result = readAiken('Q?\nA)Yes\nB.No\nANSWER: B\n');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions[0]).toMatchObject({
      choices: [
        { text: 'Yes', correct: false },
        { text: 'No', correct: true },
      ],
    });
  });

  it('reports the error lines Moodle reports: missing answers, not started, not complete', () => {
    const text = [
      'Too few options', // 1
      'A) Only one', // 2
      'ANSWER: A', // 3
      '', // 4
      'A) No question above', // 5
      '', // 6
      'ANSWER: A', // 7
      '', // 8
      'Started', // 9
      'A) x', // 10
      'B) y', // 11
      '', // 12
      'Good one', // 13
      'A)x', // 14
      'B)y', // 15
      'ANSWER: B', // 16
    ].join('\n');
    const result = readAiken(text);
    expect(result.ok ? [] : result.issues.map((d) => d.line)).toEqual([3, 5, 7, 13]);
  });
});
