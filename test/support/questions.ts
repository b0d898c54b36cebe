/**
 * Builders of questions and packs for tests: each returns a valid value with plain defaults, and
 * takes overrides for what the test is about. They build through the pack's own types, so a schema
 * change shows up here first rather than in every test.
 */
import type { Chapter, Pack, Question, Section } from '@/core/pack/schema';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '@/core/pack/schema';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;
type Overrides<T extends Question['type']> = Partial<Omit<Of<T>, 'type'>>;

export function buildFlashcard(o: Overrides<'flashcard'> = {}): Of<'flashcard'> {
  return {
    id: 'q-flash',
    section: 's1',
    type: 'flashcard',
    front: 'What is a ledger?',
    back: 'A book of accounts.',
    ...o,
  };
}

/** Three choices, the second one right (one answer: radios). */
export function buildMultipleChoice(o: Overrides<'multiple-choice'> = {}): Of<'multiple-choice'> {
  return {
    id: 'q-choice',
    section: 's1',
    type: 'multiple-choice',
    prompt: 'Which of these is a liability?',
    choices: [
      { text: 'Cash', correct: false },
      { text: 'A bank loan', correct: true },
      { text: 'Inventory', correct: false },
    ],
    ...o,
  };
}

export function buildTrueFalse(o: Overrides<'true-false'> = {}): Of<'true-false'> {
  return {
    id: 'q-tf',
    section: 's1',
    type: 'true-false',
    prompt: 'Assets equal liabilities plus equity.',
    answer: true,
    ...o,
  };
}

export function buildTyped(o: Overrides<'typed'> = {}): Of<'typed'> {
  return {
    id: 'q-typed',
    section: 's1',
    type: 'typed',
    prompt: 'Name the book of original entry.',
    accept: ['journal'],
    ...o,
  };
}

/** Two blanks: "{{c1::debit}}" and "{{c2::credit}}". */
export function buildCloze(o: Overrides<'cloze'> = {}): Of<'cloze'> {
  return {
    id: 'q-cloze',
    section: 's1',
    type: 'cloze',
    text: 'Every {{c1::debit}} has a matching {{c2::credit}}.',
    ...o,
  };
}

export function buildMatching(o: Overrides<'matching'> = {}): Of<'matching'> {
  return {
    id: 'q-match',
    section: 's1',
    type: 'matching',
    prompt: 'Match each account to its kind.',
    pairs: [
      { left: 'Cash', right: 'Asset' },
      { left: 'Loan', right: 'Liability' },
      { left: 'Capital', right: 'Equity' },
    ],
    ...o,
  };
}

/** Items in their right order: Open, Record, Close. */
export function buildOrdering(o: Overrides<'ordering'> = {}): Of<'ordering'> {
  return {
    id: 'q-order',
    section: 's1',
    type: 'ordering',
    prompt: 'Put the steps in order.',
    items: ['Open', 'Record', 'Close'],
    ...o,
  };
}

export function buildSection(o: Partial<Section> = {}): Section {
  return { id: 's1', title: 'Double entry', body: 'Every debit has a matching credit.', ...o };
}

export function buildChapter(o: Partial<Chapter> = {}): Chapter {
  return { id: 'c1', title: 'Basics', sections: [buildSection()], ...o };
}

/** A valid pack with one chapter, one section and the given questions (a flashcard by default). */
export function buildPack(o: Partial<Pack> = {}): Pack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: 'test-pack',
    title: 'Test pack',
    language: 'en',
    version: '1.0.0',
    chapters: [buildChapter()],
    questions: [buildFlashcard()],
    discussions: [],
    ...o,
  };
}
