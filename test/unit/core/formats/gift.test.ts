import { describe, expect, it } from 'vitest';
import { readGift, readPackFile } from '../../../../renderer/src/core/formats';
import type { Pack, Question } from '../../../../renderer/src/core/pack';
import { readFixture } from './fixtures';

function readOk(text: string, fileName = 'test.gift'): Pack {
  const result = readGift(text, { fileName });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pack;
}

function only(text: string): Question {
  const pack = readOk(text);
  expect(pack.questions).toHaveLength(1);
  return pack.questions[0] as Question;
}

function issuesOf(text: string) {
  const result = readGift(text, { fileName: 'test.gift' });
  return result.ok ? result.warnings : result.issues;
}

describe('readGift: the all-types fixture', () => {
  const result = readPackFile('all-types.gift', readFixture('gift/all-types.gift'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const pack = result.pack;
  const byId = new Map(pack.questions.map((q) => [q.id, q]));

  it('reads pack id and title from comments, and categories as chapters with one section each', () => {
    expect(result.format).toBe('gift');
    expect(pack.id).toBe('moodle-sampler');
    expect(pack.title).toBe('Moodle sampler');
    expect(pack.chapters.map((c) => [c.id, c.title, c.sections.map((s) => s.id)])).toEqual([
      ['week-1-2-basics', 'Week 1/2 basics', ['week-1-2-basics']],
      ['formats-and-escapes', 'Formats and escapes', ['formats-and-escapes']],
    ]);
    expect(pack.chapters[0]?.sections[0]?.body).toBe('This week introduces the alliance.');
    expect(pack.chapters[1]?.sections[0]?.body).toBe('Notes with HTML & entities.');
    expect(pack.questions.map((q) => q.type)).toEqual([
      'multiple-choice',
      'multiple-choice',
      'true-false',
      'true-false',
      'typed',
      'matching',
      'typed',
      'typed',
      'typed',
      'multiple-choice',
      'cloze',
      'true-false',
      'true-false',
      'true-false',
      'true-false',
      'true-false',
      'flashcard',
      'ordering',
    ]);
  });

  it('keeps [id:] and [tag:], per-answer feedback and general feedback', () => {
    expect(byId.get('mc-single')).toEqual({
      id: 'mc-single',
      title: 'Investor',
      type: 'multiple-choice',
      section: 'week-1-2-basics',
      prompt: 'Which company invested $1 billion in 2019?',
      choices: [
        { text: 'Google', correct: false, feedback: 'No.' },
        { text: 'Microsoft', correct: true, feedback: 'Yes!' },
        { text: 'Amazon', correct: false },
      ],
      explanation: 'Microsoft invested in 2019.',
      tags: ['basics', 'companies'],
    });
  });

  it('reads partial credit as credit, several correct answers included', () => {
    const q = pack.questions[1];
    expect(q?.type === 'multiple-choice' && q.choices).toEqual([
      { text: 'Azure', correct: true, credit: 50 },
      { text: 'AWS', correct: true, credit: 50, feedback: "Amazon's cloud." },
      { text: 'Excel', correct: false, credit: -100 },
    ]);
  });

  it('reads true/false with Moodle feedback order: wrong answer first, right answer second', () => {
    expect(byId.get('tf-true')).toMatchObject({
      answer: true,
      feedbackTrue: 'Correct.',
      feedbackFalse: 'Check the year again.',
    });
    expect(pack.questions[2]).toMatchObject({ type: 'true-false', answer: false });
  });

  it('reads short answer, matching, numerical and missing word', () => {
    expect(pack.questions[4]).toMatchObject({ type: 'typed', accept: ['Sam Altman', 'Altman'] });
    expect(pack.questions[5]).toMatchObject({
      type: 'matching',
      pairs: [
        { left: 'Microsoft', right: 'Azure' },
        { left: 'OpenAI', right: 'ChatGPT' },
        { left: 'Google', right: 'Gemini' },
      ],
    });
    expect(pack.questions[6]).toMatchObject({
      type: 'typed',
      accept: [],
      numeric: { value: 2019, tolerance: 0 },
    });
    expect(pack.questions[7]).toMatchObject({ numeric: { value: 3, tolerance: 2 } });
    expect(pack.questions[8]).toMatchObject({ numeric: { value: 1822, tolerance: 0 } });
    expect(pack.questions[9]).toMatchObject({ type: 'multiple-choice', prompt: 'Microsoft _____ OpenAI.' });
    expect(pack.questions[10]).toMatchObject({
      type: 'cloze',
      text: 'The partnership began in {{c1::2019|twenty nineteen}}.',
    });
  });

  it('turns essays into discussion prompts with talking points', () => {
    expect(pack.discussions).toEqual([
      {
        id: expect.stringMatching(/^d-[0-9a-f]{12}$/),
        prompt: 'Is the partnership good for competition?',
        points: ['Market power', 'Cloud lock-in'],
        sections: ['week-1-2-basics'],
      },
    ]);
  });

  it('resolves every escape and reduces HTML to text, never keeping tags', () => {
    expect(byId.get('escapes')).toMatchObject({
      prompt: 'Escapes: colon # hash = equals { braces } tilde ~ and\nnewline.',
    });
    expect(byId.get('html-q')).toMatchObject({ prompt: 'Is this <safe>?' });
    expect(byId.get('md-q')).toMatchObject({ prompt: 'Is **this** Markdown?' });
    expect(byId.get('plain-q')).toMatchObject({ prompt: 'Plain <b>text</b> stays as written.' });
    expect(byId.get('moodle-q')).toMatchObject({ prompt: 'Moodle auto-format.' });
  });

  it('reads Lectern [type:] tags for flashcards and ordering', () => {
    expect(byId.get('fc-1')).toMatchObject({
      type: 'flashcard',
      front: 'Front of the card',
      back: 'Back of the card',
    });
    expect(byId.get('order-1')).toMatchObject({ type: 'ordering', items: ['First', 'Second', 'Third'] });
  });

  it('keeps numerical partial credit and per-answer feedback instead of warning that they are lost', () => {
    expect(result.warnings).toEqual([]);
    expect(pack.questions[8]).toMatchObject({
      numeric: { value: 1822, tolerance: 0 },
      answers: [
        { numeric: { value: 1822, tolerance: 0 }, credit: 100, feedback: 'Correct!' },
        { numeric: { value: 1822, tolerance: 2 }, credit: 50, feedback: 'Close.' },
      ],
    });
  });
});

describe('readGift: a file exported by Moodle', () => {
  it('reads Moodle export conventions: [html] everywhere, =%100% weights, empty # feedback, $course$ paths', () => {
    const result = readPackFile('moodle-export.gift', readFixture('gift/moodle-export.gift'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { pack } = result;
    expect(pack.chapters.map((c) => [c.title, c.sections[0]?.body])).toEqual([
      ['Default for OpenAI course', 'This quiz covers the alliance.'],
    ]);
    expect(pack.questions.map((q) => q.type)).toEqual([
      'multiple-choice',
      'true-false',
      'typed',
      'typed',
      'matching',
    ]);
    expect(pack.questions[0]).toMatchObject({
      id: 'inv-1',
      prompt: 'Which company invested $1 billion in 2019?',
      choices: [
        { text: 'Microsoft', correct: true, feedback: 'Right.' },
        { text: 'Google', correct: false },
        { text: 'Amazon', correct: false },
      ],
      explanation: 'Microsoft invested in July 2019.',
    });
    expect(pack.questions[1]).toMatchObject({ answer: true, feedbackFalse: 'It was 2015.' });
    expect(pack.questions[2]).toMatchObject({ accept: ['Sam Altman', 'Altman'] });
    expect(pack.questions[3]).toMatchObject({ numeric: { value: 2019, tolerance: 0 } });
    expect(pack.questions[4]).toMatchObject({ pairs: [{ left: 'Microsoft', right: 'Azure' }, {}, {}] });
    expect(pack.discussions.map((d) => d.prompt)).toEqual(['Discuss the partnership: who benefits?']);
    expect(result.warnings).toEqual([]);
    expect(pack.questions[2]).toMatchObject({
      answers: [
        { text: 'Sam Altman', credit: 100 },
        { text: 'Altman', credit: 100 },
        { text: 'Sam', credit: 50, feedback: 'Surname please.' },
      ],
    });
    expect(pack.questions[3]).toMatchObject({ otherFeedback: 'Look again.' });
  });
});

describe('readGift: the broken fixture', () => {
  it('reports every problem at once with its line and column, and stores nothing', () => {
    const result = readPackFile('broken.gift', readFixture('gift/broken.gift'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((d) => `${d.line}:${d.column}: ${d.severity ?? 'error'}: ${d.message}`)).toEqual(
      [
        '3:1: error: the question title is not closed: write it as ::title::',
        '5:15: error: the answer block "{" is never closed with "}"',
        '7:13: error: "}" has no opening "{" (write a literal brace as \\})',
        '14:4: error: question id "dup" is already used at line 11',
        '17:11: error: a multiple-choice question needs at least 2 answers',
        '19:33: error: a matching pair is written "=left -> right"',
        '21:16: error: "abc" is not a number',
        '23:14: error: partial credit "%abc%" must be a percentage from -100 to 100, like %50% or %-25%',
        '26:22: error: [type:ordering] needs each position 1..2 once on the right, not "3"',
        '28:4: error: unknown [type:nonsense]: expected one of flashcard, typed, cloze, multiple-choice, true-false, matching, ordering, discussion',
        '34:4: warning: [tag:…] belongs to no question: put it directly above its question, with no blank line between',
      ],
    );
  });
});

describe('readGift: details', () => {
  it('derives stable ids from title and text when there is no [id:], and de-duplicates them', () => {
    const a = readOk('::T::Same text{T}\n\n::T::Same text{F}');
    expect(a.questions.map((q) => q.id)).toEqual([a.questions[0]?.id, `${a.questions[0]?.id}-2`]);
    expect(a.questions[0]?.id).toMatch(/^q-[0-9a-f]{12}$/);
    expect(readOk('::T::Same text{F}').questions[0]?.id).toBe(a.questions[0]?.id);
    expect(readOk('::Other::Same text{T}').questions[0]?.id).not.toBe(a.questions[0]?.id);
  });

  it('makes author ids valid Lectern ids deterministically', () => {
    const q = only('// [id:Week 1 / Q#7]\nText{T}');
    expect(q.id).toMatch(/^week-1-q-7-[0-9a-f]{10}$/);
    expect(only('// [id:Week 1 / Q#7]\nOther{F}').id).toBe(q.id);
  });

  it('takes the pack id and title from the file name when the file does not give them', () => {
    const pack = readOk('Q{T}', 'My Quiz (v2).gift');
    expect([pack.id, pack.title]).toEqual(['my-quiz-v2', 'My Quiz (v2)']);
  });

  it('puts questions before any category into one default chapter, "Questions"', () => {
    const pack = readOk('Q{T}');
    expect(pack.chapters).toEqual([
      { id: 'questions', title: 'Questions', sections: [{ id: 'questions', title: 'Questions', body: '' }] },
    ]);
    expect(pack.questions[0]?.section).toBe('questions');
  });

  it('reads T, F, TRUE and FALSE but, like Moodle, not lower case', () => {
    expect(['{T}', '{F}', '{TRUE}', '{FALSE}'].map((a) => only(`Q${a}`))).toMatchObject([
      { answer: true },
      { answer: false },
      { answer: true },
      { answer: false },
    ]);
    expect(only('Q{true}')).toMatchObject({ type: 'typed', accept: ['true'] });
  });

  it('reads several numeric answers: the first full-credit one is graded, exact others are accepted', () => {
    expect(only('Year?{#=2019 =2020}')).toMatchObject({
      accept: ['2020'],
      numeric: { value: 2019, tolerance: 0 },
    });
    expect(only('Range?{#-5..-1}')).toMatchObject({ numeric: { value: -3, tolerance: 2 } });
    expect(only('Sci?{#1e3:0.5}')).toMatchObject({ numeric: { value: 1000, tolerance: 0.5 } });
  });

  it('reads a missing word with only right answers as a cloze, with wrong ones as a blank', () => {
    expect(only('{=Paris} is the capital.')).toMatchObject({
      type: 'cloze',
      text: '{{c1::Paris}} is the capital.',
    });
    expect(only('The capital is {~Lyon =Paris}!')).toMatchObject({ prompt: 'The capital is _____!' });
    expect(only('A | B {=x|y} z')).toMatchObject({ type: 'typed', prompt: 'A | B _____ z', accept: ['x|y'] });
  });

  it('keeps general feedback on essays as talking points and its section', () => {
    const pack = readOk('// [section:s1]\n::Notes::Body\n\nDiscuss.{####* one\n* two}');
    expect(pack.discussions[0]).toMatchObject({
      prompt: 'Discuss.',
      points: ['one', 'two'],
      sections: ['s1'],
    });
    expect(pack.chapters[0]?.sections).toEqual([{ id: 's1', title: 'Notes', body: 'Body' }]);
  });

  it('shows tags left in notes as text, since notes cannot hold HTML', () => {
    const pack = readOk('[plain]Use <b> for bold.\n\nQ{T}');
    expect(pack.chapters[0]?.sections[0]?.body).toBe('Use ‹b› for bold.');
  });

  it('reads a question written right under $CATEGORY: without a blank line', () => {
    const pack = readOk('$CATEGORY: Ch\n::Q::Text{T}');
    expect(pack.chapters.map((c) => c.title)).toEqual(['Ch']);
    expect(pack.questions[0]).toMatchObject({ type: 'true-false', section: 'ch' });
  });

  it('places schema problems found after reading at the offending part', () => {
    expect(issuesOf('Pick.{~a ~b}')).toEqual([
      { message: 'choices: no choice is marked correct', line: 1, column: 6 },
    ]);
    expect(issuesOf('\n\n// [section:nowhere]\nQ{T}')).toEqual([
      { message: 'section: section "nowhere" does not exist in this pack', line: 3, column: 4 },
    ]);
    expect(issuesOf('// [id:a]\nMatch.{=x -> 1 =X -> 2}')).toEqual([
      { message: 'pairs: two pairs have the same left side', line: 2, column: 7 },
    ]);
  });

  it('says when a file has nothing to study', () => {
    expect(issuesOf('// only a comment\n')).toEqual([
      {
        message: 'no questions found: this file has no GIFT questions, essays or descriptions',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('refuses a [type:] that does not fit the answers', () => {
    expect(issuesOf('// [type:true-false]\nQ{=a ~b}')).toEqual([
      {
        message: '[type:true-false] does not fit these answers, which read as a multiple-choice question',
        line: 1,
        column: 4,
      },
    ]);
  });
});
