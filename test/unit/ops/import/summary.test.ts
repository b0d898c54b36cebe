import { describe, expect, it } from 'vitest';
import { diffPacks } from '../../../../renderer/src/core/pack/diff';
import type { Pack, Question } from '../../../../renderer/src/core/pack/schema';
import type { PackRow } from '../../../../renderer/src/db/schema/rows';
import { LISTED_PER_CHANGE, summarizeImport } from '../../../../renderer/src/ops/import/summary';

const tf = (id: string, prompt: string, answer: boolean, section = 's1'): Question => ({
  id,
  section,
  type: 'true-false',
  prompt,
  answer,
});

function makePack(questions: Question[]): Pack {
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    id: 'quiz',
    title: 'Quiz',
    language: 'en',
    version: '2',
    chapters: [
      { id: 'c1', title: 'One', sections: [{ id: 's1', title: 'One', body: '' }] },
      { id: 'c2', title: 'Two', sections: [{ id: 's2', title: 'Two', body: '' }] },
    ],
    questions,
    discussions: [],
  };
}

const STORED = { title: 'Quiz (old)', version: '1', origin: 'imported', updatedAt: 42 } as PackRow;

describe('summarizeImport', () => {
  it('counts a new pack by type (in the app order) and by chapter', () => {
    const pack = makePack([
      tf('a', 'A?', true),
      { id: 'f', section: 's2', type: 'flashcard', front: 'Front', back: 'Back' },
      tf('b', 'B?', false, 's2'),
    ]);
    const summary = summarizeImport(pack, 'quiz.gift', 'gift', [], { kind: 'new' });
    expect(summary).toMatchObject({
      fileName: 'quiz.gift',
      format: 'gift',
      packId: 'quiz',
      title: 'Quiz',
      questionCount: 3,
      update: null,
    });
    expect(summary.byType).toEqual([
      { type: 'flashcard', count: 1 },
      { type: 'true-false', count: 2 },
    ]);
    expect(summary.chapters).toEqual([
      { id: 'c1', title: 'One', questions: 1 },
      { id: 'c2', title: 'Two', questions: 2 },
    ]);
  });

  it('splits an update into added, reworded, answer changed, removed and unchanged', () => {
    const before = [
      tf('same', 'Same?', true),
      tf('word', 'Old?', true),
      tf('ans', 'Ans?', true),
      tf('gone', 'Gone?', true),
    ];
    const after = [
      tf('same', 'Same?', true),
      tf('word', 'New **wording**?', true),
      tf('ans', 'Ans?', false),
      tf('new', 'New?', true),
    ];
    const summary = summarizeImport(makePack(after), 'quiz.gift', 'gift', [], {
      kind: 'update',
      stored: STORED,
      diff: diffPacks(before, after),
    });
    expect(summary.update).toEqual({
      storedTitle: 'Quiz (old)',
      storedVersion: '1',
      storedOrigin: 'imported',
      storedUpdatedAt: 42,
      formatChange: null,
      counts: { added: 1, changed: 1, answerChanged: 1, removed: 1, unchanged: 1 },
      added: [{ id: 'new', text: 'New?' }],
      reworded: [{ id: 'word', text: 'New wording?' }],
      answerChanged: [{ id: 'ans', text: 'Ans?' }],
      removed: [{ id: 'gone', text: 'Gone?' }],
    });
  });

  it('an update from a file of another format than the stored pack names both formats', () => {
    const qs = [tf('same', 'Same?', true)];
    const summary = summarizeImport(makePack(qs), 'quiz.csv', 'delimited', [], {
      kind: 'update',
      stored: { ...STORED, format: 'gift' },
      diff: diffPacks(qs, qs),
    });
    expect(summary.update?.formatChange).toEqual({ from: 'gift', to: 'delimited' });
  });

  it('lists at most LISTED_PER_CHANGE questions per change but counts them all', () => {
    const after = Array.from({ length: LISTED_PER_CHANGE + 5 }, (_, i) => tf(`q${i}`, `Q${i}?`, true));
    const summary = summarizeImport(makePack(after), 'big.csv', 'delimited', [], {
      kind: 'update',
      stored: STORED,
      diff: diffPacks([], after),
    });
    expect(summary.update?.counts.added).toBe(LISTED_PER_CHANGE + 5);
    expect(summary.update?.added).toHaveLength(LISTED_PER_CHANGE);
  });
});
