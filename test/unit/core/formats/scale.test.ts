import { describe, expect, it } from 'vitest';
import { packToGift, readPackFile } from '../../../../renderer/src/core/formats';

// Large files read completely, with progress and exact places. Whether reading stays linear
// (string building, line/column lookups) is measured by the bench's `import.linearity` phase, not
// by a time bound here (timed unit tests fail on a loaded machine and prove nothing on a fast one).
const N = 50_000;

function bigPack() {
  const questions = Array.from({ length: N }, (_, i) =>
    i % 2 === 0
      ? {
          id: `q${i}`,
          type: 'multiple-choice',
          section: 's1',
          prompt: `Question ${i}: which statement about the partnership is correct?`,
          choices: [
            { text: 'The right answer', correct: true },
            { text: 'A plausible distractor', correct: false },
          ],
          explanation: 'As the article says.',
        }
      : { id: `q${i}`, type: 'flashcard', section: 's1', front: `Front ${i}`, back: `Back ${i}` },
  );
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    id: 'big',
    title: 'Big',
    language: 'en',
    version: '1',
    chapters: [{ id: 'c1', title: 'C', sections: [{ id: 's1', title: 'S', body: 'Notes.' }] }],
    questions,
    discussions: [],
  };
}

describe('reading large files', { timeout: 60_000 }, () => {
  const pack = bigPack();
  const json = new TextEncoder().encode(JSON.stringify(pack));
  const first = readPackFile('big.json', json);
  if (!first.ok) throw new Error('fixture');
  const gift = new TextEncoder().encode(packToGift(first.pack));
  const tsv = new TextEncoder().encode(
    `#separator:tab\n${Array.from({ length: N }, (_, i) => `"Front ${i}, quoted"\tBack ${i}`).join('\n')}`,
  );

  for (const [name, bytes] of [
    ['big.json', json],
    ['big.gift', gift],
    ['big.tsv', tsv],
  ] as const) {
    it(`${name}: ${N} questions, with progress reported`, () => {
      const progress: number[] = [];
      const result = readPackFile(name, bytes, { onProgress: (f) => progress.push(f) });
      expect(result.ok && result.pack.questions.length).toBe(N);
      expect(progress.at(-1)).toBe(1);
      expect(progress.every((f, i) => f >= (progress[i - 1] ?? 0) && f <= 1)).toBe(true);
    });
  }

  it('places 50k problems, each at its line and column', () => {
    const text = new TextDecoder().decode(gift).replaceAll('[section:s1]\n::q', '[section:gone]\n::q');
    const result = readPackFile('bad.gift', text);
    expect(result.ok ? 0 : result.issues.length).toBe(N);
    const line10 = text.split('\n')[9] ?? '';
    expect(line10).toBe('// [id:q0] [type:multiple-choice] [section:gone]');
    expect(result.ok ? undefined : result.issues[0]).toEqual({
      message: 'section: section "gone" does not exist in this pack',
      line: 10,
      column: line10.indexOf('[section:gone]') + 1,
    });
  });
});
