/** GIFT as Moodle reads it: what Moodle imports, Lectern imports, reporting differences as warnings. */
import { describe, expect, it } from 'vitest';
import { readGift } from '../../../../renderer/src/core/formats';
import { packToGift } from '../../../../renderer/src/core/formats/gift/write-gift';
import { gradeAnswer } from '../../../../renderer/src/core/grading';
import type { Pack, Question } from '../../../../renderer/src/core/pack';

function read(text: string) {
  const result = readGift(text, { fileName: 'test.gift' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

function only(text: string): Question {
  const q = read(text).pack.questions[0];
  if (!q) throw new Error('no question');
  return q;
}

function warnings(text: string): string[] {
  return read(text).warnings.map((d) => `${d.line}:${d.column}: ${d.message}`);
}

function roundTrip(pack: Pack): Pack {
  const back = readGift(packToGift(pack), { fileName: 'test.gift' });
  if (!back.ok) throw new Error(JSON.stringify(back.issues));
  return back.pack;
}

describe('GIFT as Moodle reads it', () => {
  it('drops an empty answer before "=" (the {~=right~wrong} idiom) with a warning, as Moodle does on save', () => {
    expect(only('Pick.{~=right~wrong}')).toMatchObject({
      type: 'multiple-choice',
      choices: [
        { text: 'right', correct: true },
        { text: 'wrong', correct: false },
      ],
    });
    expect(warnings('Pick.{~=right~wrong}')[0]).toMatch(/^1:7: this "~" has no answer after it: left out/);
  });

  it('reads text before the first ~ of a multiple-choice block as a wrong answer, as Moodle does', () => {
    const q = only('Pick.{lead~a=b}');
    expect(q).toMatchObject({
      choices: [{ text: 'lead', correct: false }, { text: 'a' }, { text: 'b', correct: true }],
    });
  });

  it('reads several answer blocks as one cloze with a blank each (choice, typed, numeric)', () => {
    const q = only('I saw {~a =an ~the} owl, {=two} of them, at {#3} pm.');
    expect(q).toEqual(
      expect.objectContaining({
        type: 'cloze',
        text: 'I saw {{c1::~a|an|~the}} owl, {{c2::two}} of them, at {{c3::3}} pm.',
      }),
    );
  });

  it("reads Moodle's embedded answers {1:MC:…} {1:SA:…} {1:NUMERICAL:…} {1:MULTICHOICE_V:…} as blanks", () => {
    const q = only(
      '::Cloze::Walk {1:MC:~a~=the} line; I {1:SA:=had been~=had not been} there {1:NUMERICAL:=3} times; {2:MULTICHOICE_V:=yes~no}.',
    );
    expect(q).toMatchObject({
      type: 'cloze',
      title: 'Cloze',
      text: 'Walk {{c1::~a|the}} line; I {{c2::had been|had not been}} there {{c3::3}} times; {{c4::yes|~no}}.',
    });
    // A single embedded block is a cloze too.
    expect(only('I am {1:SA:=incapable} of it.')).toMatchObject({
      type: 'cloze',
      text: 'I am {{c1::incapable}} of it.',
    });
  });

  it('warns about what a blank cannot keep (partial credit, feedback, tolerance)', () => {
    const w = warnings('A {1:SA:=x#good~%50%y} b {1:NM:=5:1}.');
    expect(w.some((m) => m.includes('no per-answer feedback'))).toBe(true);
    expect(w.some((m) => m.includes('no partial credit: "y" (50%)'))).toBe(true);
    expect(w.some((m) => m.includes('tolerance is not kept'))).toBe(true);
  });

  it("falls back to Moodle's reading (first block answers, rest as text) when a block cannot be a blank", () => {
    const result = read('Match {=a -> b =c -> d} and {=x}.');
    expect(result.pack.questions[0]).toMatchObject({ type: 'matching', prompt: 'Match _____ and {=x}.' });
    expect(result.warnings[0]?.message).toMatch(/read as Moodle does, with the first \{…\} as the answers/);
  });

  it("keeps short-answer partial credit and per-answer feedback, with Moodle's * wildcard", () => {
    const q = only('Which animal?{=Frog#Good! =%50%Cat#Cats again. =%0%*#Completely wrong}');
    expect(q).toMatchObject({
      type: 'typed',
      accept: ['Frog'],
      answers: [
        { text: 'Frog', credit: 100, feedback: 'Good!' },
        { text: 'Cat', credit: 50, feedback: 'Cats again.' },
        { text: '*', credit: 0, feedback: 'Completely wrong' },
      ],
    });
  });

  it('keeps numerical partial credit, feedback, other-answer feedback and several full-credit values', () => {
    const q = only('What?{#=%100%4:0#Four. =%100%5:0 =%50%4:1#Close. ~#Not even close.}');
    expect(q).toMatchObject({
      type: 'typed',
      numeric: { value: 4, tolerance: 0 },
      accept: ['5'],
      otherFeedback: 'Not even close.',
    });
  });

  it("keeps matching's extra wrong answers (= -> X) as distractors", () => {
    expect(only('Match.{=a -> 1 =b -> 2 = -> 3}')).toMatchObject({
      type: 'matching',
      pairs: [
        { left: 'a', right: '1' },
        { left: 'b', right: '2' },
      ],
      distractors: ['3'],
    });
  });

  it('keeps [tag:] on essays', () => {
    expect(read('// [tag:essay-tag]\nDiscuss.{}').pack.discussions[0]).toMatchObject({ tags: ['essay-tag'] });
  });

  it('reads a file of categories only with a warning, not a refusal', () => {
    const result = read('$CATEGORY: $course$/top/A\n\n$CATEGORY: $course$/top/B\n');
    expect(result.pack.questions).toEqual([]);
    expect(result.warnings.map((d) => d.message)).toEqual([
      'no questions: this file only has categories ($CATEGORY:)',
    ]);
  });

  it('makes one chapter of a repeated $CATEGORY', () => {
    const pack = read('$CATEGORY: A\n\nQ1{T}\n\n$CATEGORY: B\n\nQ2{T}\n\n$CATEGORY: A\n\nQ3{T}').pack;
    expect(pack.chapters.map((c) => c.title)).toEqual(['A', 'B']);
    const sectionOf = new Map(pack.chapters.flatMap((c) => c.sections.map((s) => [s.id, c.title])));
    expect(pack.questions.map((q) => sectionOf.get(q.section))).toEqual(['A', 'B', 'A']);
  });

  it('keeps ::Question name:: as the title', () => {
    expect(only('::My name::Is it?{T}')).toMatchObject({ title: 'My name', prompt: 'Is it?' });
  });
});

describe('grading the new fields', () => {
  it("gives partial credit and the matched answer's feedback, wildcard feedback for anything else", () => {
    const q = only('Which animal?{=Frog#Good! =%50%Cat#Cats again. =%0%*#Completely wrong}');
    const frog = gradeAnswer(q, { type: 'typed', text: 'frog' });
    expect(frog).toMatchObject({ correct: true, score: 1 });
    expect(frog.parts[0]).toMatchObject({ feedback: 'Good!' });
    const cat = gradeAnswer(q, { type: 'typed', text: 'Cat' });
    expect(cat).toMatchObject({ correct: false, partial: true, score: 0.5 });
    expect(cat.parts[0]).toMatchObject({ credit: 50, feedback: 'Cats again.' });
    const dog = gradeAnswer(q, { type: 'typed', text: 'Dog' });
    expect(dog).toMatchObject({ correct: false, score: 0 });
    expect(dog.parts[0]).toMatchObject({ feedback: 'Completely wrong' });
  });

  it('grades "4" right where =%100%4:0 is a second full-credit value (regression: it was graded wrong)', () => {
    const q = only('What?{#=%100%3:0 =%100%4:0 =%50%10:2#Close. ~#Not even close.}');
    expect(gradeAnswer(q, { type: 'typed', text: '4' }).correct).toBe(true);
    expect(gradeAnswer(q, { type: 'typed', text: '3' }).correct).toBe(true);
    const close = gradeAnswer(q, { type: 'typed', text: '11' });
    expect(close).toMatchObject({ score: 0.5 });
    expect(close.parts[0]).toMatchObject({ feedback: 'Close.' });
    expect(gradeAnswer(q, { type: 'typed', text: '99' }).parts[0]).toMatchObject({
      feedback: 'Not even close.',
    });
  });

  it('grades a choice blank by the option picked, with no typo tolerance', () => {
    const q = only('I saw {~a =an ~the} owl in {=Paris}.');
    expect(gradeAnswer(q, { type: 'cloze', answers: ['an', 'Paris'] }).correct).toBe(true);
    const wrong = gradeAnswer(q, { type: 'cloze', answers: ['a', 'Paris'] });
    expect(wrong).toMatchObject({ correct: false, score: 0.5 });
    expect(wrong.parts[0]).toMatchObject({ options: ['a', 'an', 'the'] });
  });

  it('offers distractors as right-hand options and never counts them right', () => {
    const q = only('Match.{=a -> 1 =b -> 2 = -> 3}');
    expect(gradeAnswer(q, { type: 'matching', pairs: [0, 1] }).correct).toBe(true);
    const g = gradeAnswer(q, { type: 'matching', pairs: [2, 1] });
    expect(g).toMatchObject({ correct: false, score: 0.5 });
    expect(g.parts[0]).toMatchObject({ given: '3' });
  });
});

describe('GIFT export → import keeps the new fields', () => {
  it('an exported cloze kept its title only until re-read: the title of a [cloze:] question comes back (regression)', () => {
    const first = readGift('::Articles::I saw {1:MC:=a~the} cat and {1:SA:=a} dog.', { fileName: 'a.gift' });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.pack.questions[0]).toMatchObject({ type: 'cloze', title: 'Articles' });
    const again = readGift(packToGift(first.pack), { fileName: 'b.gift' });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.pack.questions).toEqual(first.pack.questions);
  });

  it('round-trips titles, graded answers, other feedback, distractors, choice blanks and essay tags', () => {
    const pack = read(
      [
        '::Animal::Which animal?{=Frog#Good! =%50%Cat#Cats again. =%0%*#Completely wrong}',
        'What?{#=%100%3:0 =%100%4:0 =%50%10:2#Close. ~#Not even close.}',
        'Match.{=a -> 1 =b -> 2 = -> 3}',
        'I saw {~a =an ~the} owl in {=Paris}.',
        '// [tag:t1]\nDiscuss.{}',
      ].join('\n\n'),
    ).pack;
    expect(roundTrip(pack)).toEqual(pack);
  });
});

describe('updates see changed graded answers', () => {
  it("changes the answer hash when a graded answer's credit changes, and keeps it for questions without any", async () => {
    const { answerHash } = await import('../../../../renderer/src/core/pack/diff');
    const a = only('Which animal?{=Frog =%50%Cat}');
    const b = only('Which animal?{=Frog =%25%Cat}');
    expect(answerHash(a)).not.toBe(answerHash(b));
    const plain = only('Which animal?{=Frog}');
    if (plain.type !== 'typed') throw new Error('typed expected');
    const { answers: _none, ...withoutAnswers } = { ...plain, answers: undefined };
    expect(answerHash(plain)).toBe(answerHash(withoutAnswers as Question));
  });
});
