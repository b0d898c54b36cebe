import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../../renderer/src/core/grading';
import type { Question } from '../../../../renderer/src/core/pack/schema';
import { arrangeQuestion, createDraft, draftToResponse } from '../../../../renderer/src/features/questions';
import {
  createDefaultSetup,
  createFlashcardResponse,
  describeGiven,
  describeRemaining,
  findSetupProblems,
  findTimeAnnouncement,
  formatCountdown,
  formatElapsed,
  responseToDraft,
  toggleChapter,
  togglePack,
  toggleType,
  toStartInput,
} from '../../../../renderer/src/features/selftest';

const MIN = 60_000;
const PACKS = [
  { id: 'a', chapters: [{ id: 'a1' }, { id: 'a2' }] },
  { id: 'b', chapters: [{ id: 'b1' }] },
];

describe('setup model', () => {
  it('starts with every chapter of the preferred pack, 10 questions, exam, weakest first, untimed, schedule off', () => {
    const s = createDefaultSetup(PACKS, 'b');
    expect(s).toMatchObject({
      chapters: [{ packId: 'b', chapterId: 'b1' }],
      count: 10,
      timed: false,
      order: 'weakest',
      mode: 'exam',
      countsForSchedule: false,
    });
    expect(s.types).toHaveLength(7);
    expect(createDefaultSetup(PACKS).chapters.map((c) => c.chapterId)).toEqual(['a1', 'a2']);
    expect(createDefaultSetup([]).chapters).toEqual([]);
  });

  it('toggles chapters, whole packs and types without duplicates', () => {
    let chapters = toggleChapter([], { packId: 'a', chapterId: 'a1' }, true);
    chapters = toggleChapter(chapters, { packId: 'a', chapterId: 'a1' }, true);
    expect(chapters).toHaveLength(1);
    chapters = togglePack(chapters, PACKS[1]!, true);
    expect(chapters.map((c) => c.chapterId)).toEqual(['a1', 'b1']);
    chapters = togglePack(chapters, PACKS[0]!, false);
    expect(chapters.map((c) => c.chapterId)).toEqual(['b1']);
    expect(toggleType(['ordering', 'flashcard'], 'true-false', true)).toEqual([
      'flashcard',
      'true-false',
      'ordering',
    ]);
    expect(toggleType(['flashcard'], 'flashcard', false)).toEqual([]);
  });

  it('reports every problem: no chapter, a count outside 5–50, no type, a bad limit, an empty pool', () => {
    const ok = { ...createDefaultSetup(PACKS), timed: true, limitMinutes: 10 };
    expect(findSetupProblems(ok, 12)).toEqual([]);
    expect(findSetupProblems({ ...ok, count: 4 }, 12).map((p) => p.field)).toEqual(['count']);
    expect(findSetupProblems({ ...ok, count: 51 }, 12).map((p) => p.field)).toEqual(['count']);
    expect(findSetupProblems({ ...ok, count: 7.5 }, 12).map((p) => p.field)).toEqual(['count']);
    expect(findSetupProblems({ ...ok, count: Number.NaN }, 12).map((p) => p.field)).toEqual(['count']);
    expect(findSetupProblems({ ...ok, limitMinutes: 0 }, 12).map((p) => p.field)).toEqual(['limit']);
    expect(findSetupProblems({ ...ok, timed: false, limitMinutes: 0 }, 12)).toEqual([]);
    expect(findSetupProblems({ ...ok, chapters: [], types: [] }, 0).map((p) => p.field)).toEqual([
      'chapters',
      'types',
    ]);
    expect(findSetupProblems(ok, 0).map((p) => p.field)).toEqual(['pool']);
  });

  it('becomes a start input with the packs in Library order and the limit in milliseconds', () => {
    const s = {
      ...createDefaultSetup(PACKS),
      chapters: [
        { packId: 'b', chapterId: 'b1' },
        { packId: 'a', chapterId: 'a2' },
      ],
      timed: true,
      limitMinutes: 5,
      countsForSchedule: true,
    };
    const input = toStartInput(s, ['a', 'b', 'c'], 'seed', 1000);
    expect(input).toMatchObject({
      packIds: ['a', 'b'],
      timeLimitMs: 5 * MIN,
      countsForSchedule: true,
      now: 1000,
    });
    expect(toStartInput({ ...s, timed: false }, ['a', 'b'], 'seed', 1000).timeLimitMs).toBeNull();
  });
});

describe('time in words', () => {
  it('counts down as m:ss, rounding up so 0:00 means the time is over', () => {
    expect(formatCountdown(5 * MIN)).toBe('5:00');
    expect(formatCountdown(5 * MIN - 1)).toBe('5:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(2 * 60 * MIN + 5000)).toBe('2:00:05');
    expect(formatElapsed(185_000)).toBe('3 min 05 s');
    expect(describeRemaining(61_000)).toBe('1 minute 1 second left');
    expect(describeRemaining(4 * MIN)).toBe('4 minutes left');
  });

  it('announces only the crossings of 5 minutes and 1 minute, once each', () => {
    expect(findTimeAnnouncement(5 * MIN + 500, 5 * MIN - 500)).toBe('5 minutes left.');
    expect(findTimeAnnouncement(61_000, 60_000)).toBe('1 minute left.');
    expect(findTimeAnnouncement(5 * MIN, 5 * MIN - 1000)).toBeNull();
    expect(findTimeAnnouncement(3 * MIN, 3 * MIN - 1000)).toBeNull();
    expect(findTimeAnnouncement(60_000, 0)).toBeNull();
    // A long jump (the app asleep) announces the mark it lands under, not both.
    expect(findTimeAnnouncement(10 * MIN, 30_000)).toBe('1 minute left.');
    // Every second of a 10-minute test: exactly two announcements.
    let said = 0;
    for (let left = 10 * MIN; left > 0; left -= 1000) if (findTimeAnnouncement(left, left - 1000)) said++;
    expect(said).toBe(2);
  });
});

const QUESTIONS: Question[] = [
  { id: 'f', section: 's', type: 'flashcard', front: 'Front', back: 'Back' },
  {
    id: 'm',
    section: 's',
    type: 'multiple-choice',
    prompt: 'Which?',
    choices: [
      { text: 'Compute demands', correct: true },
      { text: 'Energy consumption', correct: false },
      { text: 'Model alignment', correct: true },
    ],
  },
  { id: 't', section: 's', type: 'true-false', prompt: 'True?', answer: false },
  { id: 'y', section: 's', type: 'typed', prompt: 'Year?', accept: ['2019'] },
  { id: 'c', section: 's', type: 'cloze', text: 'In {{c1::2019}} it gave {{c2::$1 billion}}.' },
  {
    id: 'p',
    section: 's',
    type: 'matching',
    prompt: 'Match',
    pairs: [
      { left: 'A', right: 'One' },
      { left: 'B', right: 'Two' },
    ],
  },
  { id: 'o', section: 's', type: 'ordering', prompt: 'Order', items: ['first', 'second', 'third'] },
];

describe('stored responses back to drafts and words', () => {
  it('never throws and always gives a draft of the question type, whatever is stored', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTIONS), fc.anything(), (q, stored) => {
        const arrangement = arrangeQuestion(q, 'seed');
        const draft = responseToDraft(q, arrangement, stored);
        expect(draft.type).toBe(q.type);
        expect(() => describeGiven(q, stored)).not.toThrow();
      }),
    );
  });

  it('round-trips every response a widget can give', () => {
    for (const q of QUESTIONS) {
      if (q.type === 'flashcard') continue;
      const arrangement = arrangeQuestion(q, 'seed');
      const draft = createDraft(q, arrangement);
      const filled =
        draft.type === 'multiple-choice'
          ? { ...draft, selected: [0, 2] }
          : draft.type === 'true-false'
            ? { ...draft, value: true }
            : draft.type === 'typed'
              ? { ...draft, text: '2019' }
              : draft.type === 'cloze'
                ? { ...draft, answers: ['2019', ''] }
                : draft.type === 'matching'
                  ? { ...draft, pairs: [1, null] }
                  : draft;
      const response = draftToResponse(filled);
      expect(responseToDraft(q, arrangement, JSON.parse(JSON.stringify(response)))).toEqual(filled);
    }
  });

  it('refuses a response of another type or with out-of-range indices', () => {
    const q = QUESTIONS[1]!;
    const a = arrangeQuestion(q, 'seed');
    expect(responseToDraft(q, a, { type: 'true-false', value: true })).toEqual(createDraft(q, a));
    expect(responseToDraft(q, a, { type: 'multiple-choice', selected: [7] })).toEqual(createDraft(q, a));
    const o = QUESTIONS[6]!;
    const ao = arrangeQuestion(o, 'seed');
    expect(responseToDraft(o, ao, { type: 'ordering', order: [0, 0, 1] })).toEqual(createDraft(o, ao));
  });

  it('says what was answered in words', () => {
    const [f, m, t, y, c, p] = QUESTIONS as [Question, Question, Question, Question, Question, Question];
    expect(describeGiven(f, createFlashcardResponse(true))).toBe('You said you knew it');
    expect(describeGiven(f, createFlashcardResponse(false))).toBe('You said you did not know it');
    expect(describeGiven(m, { type: 'multiple-choice', selected: [1] })).toBe('Energy consumption');
    expect(describeGiven(t, { type: 'true-false', value: true })).toBe('True');
    expect(describeGiven(y, { type: 'typed', text: '' })).toBe('(nothing typed)');
    expect(describeGiven(c, { type: 'cloze', answers: ['2019', ' '] })).toBe(
      'blank 1: 2019; blank 2: (empty)',
    );
    expect(describeGiven(p, { type: 'matching', pairs: [1, null] })).toBe('A → Two; B → ?');
    expect(gradeAnswer(f, createFlashcardResponse(false)).correct).toBe(false);
    expect(gradeAnswer(f, createFlashcardResponse(true)).correct).toBe(true);
  });
});
