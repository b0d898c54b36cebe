import { describe, expect, it } from 'vitest';
import { packToGift, questionToGift, readGift } from '../../../../renderer/src/core/formats';
import { parsePackJson, type Question } from '../../../../renderer/src/core/pack';
import { readFixtureText } from './fixtures';

const s = { section: 's1' } as const;

describe('questionToGift', () => {
  it('writes Moodle multiple choice with feedback, general feedback and Lectern tags', () => {
    const q: Question = {
      ...s,
      id: 'mc',
      type: 'multiple-choice',
      prompt: 'Who: the investor?',
      choices: [
        { text: 'Microsoft', correct: true, feedback: 'Yes #1' },
        { text: '50% Google', correct: false },
      ],
      explanation: 'Since 2019.',
      tags: ['a]b'],
    };
    expect(questionToGift(q)).toBe(
      [
        '// [id:mc] [type:multiple-choice] [section:s1] [tag:a\\]b]',
        '::mc::[markdown]Who\\: the investor?{',
        '\t=Microsoft#Yes \\#1',
        '\t~50% Google',
        '\t####Since 2019.',
        '}',
      ].join('\n'),
    );
  });

  it('writes several correct choices as Moodle multiple-answer shares, marked so they read back without credit', () => {
    const q: Question = {
      ...s,
      id: 'multi',
      type: 'multiple-choice',
      prompt: 'Clouds?',
      choices: [
        { text: 'Azure', correct: true },
        { text: 'AWS', correct: true },
        { text: 'GCP', correct: true },
        { text: 'Excel', correct: false },
      ],
    };
    expect(questionToGift(q)).toBe(
      [
        '// [id:multi] [type:multiple-choice] [section:s1] [credits:derived]',
        '::multi::[markdown]Clouds?{',
        '\t~%33.33333%Azure',
        '\t~%33.33333%AWS',
        '\t~%33.33333%GCP',
        '\t~Excel',
        '}',
      ].join('\n'),
    );
  });

  it('writes true/false feedback in Moodle order: for the wrong answer first, then for the right one', () => {
    const q: Question = {
      ...s,
      id: 'tf',
      type: 'true-false',
      prompt: 'P',
      answer: false,
      feedbackTrue: 'No',
      feedbackFalse: 'Yes',
    };
    expect(questionToGift(q).split('\n')[1]).toBe('::tf::[markdown]P{FALSE#No#Yes}');
    const onlyRight: Question = {
      ...s,
      id: 'tf',
      type: 'true-false',
      prompt: 'P',
      answer: true,
      feedbackTrue: 'Yes',
    };
    expect(questionToGift(onlyRight).split('\n')[1]).toBe('::tf::[markdown]P{TRUE##Yes}');
  });

  it('writes flashcards as short answer, ordering as numbered matching, one-deletion cloze as missing word', () => {
    const lines = (q: Question) => questionToGift(q).split('\n').slice(1).join('\n');
    expect(lines({ ...s, id: 'f', type: 'flashcard', front: 'F', back: '%B' })).toBe(
      '::f::[markdown]F{=[markdown]%B}',
    );
    expect(lines({ ...s, id: 'o', type: 'ordering', prompt: 'P', items: ['b', 'a'] })).toBe(
      '::o::[markdown]P{\n\t=b -> 1\n\t=a -> 2\n}',
    );
    expect(lines({ ...s, id: 'c', type: 'cloze', text: 'In {{c1::2019|nineteen}}, yes.' })).toBe(
      '::c::[markdown]In {=2019 =nineteen}, yes.',
    );
  });

  it('keeps a cloze with several deletions or hints whole in a [cloze:] comment, shown to Moodle as an essay', () => {
    const gift = questionToGift({ ...s, id: 'c2', type: 'cloze', text: '{{c1::A}} and {{c2::B::letter}}' });
    expect(gift).toBe(
      '// [id:c2] [type:cloze] [section:s1] [cloze:{{c1::A}} and {{c2::B::letter}}]\n::c2::[markdown]_____ (1) and _____ (2){}',
    );
  });

  it('writes numbers with tolerance and keeps extra accepted forms and units in comments', () => {
    const q: Question = {
      ...s,
      id: 'n',
      type: 'typed',
      prompt: 'How much?',
      accept: ['$1B'],
      numeric: { value: 1e9, tolerance: 0.5, unit: 'USD' },
    };
    expect(questionToGift(q)).toBe(
      '// [id:n] [type:typed] [section:s1] [accept:$1B] [unit:USD]\n::n::[markdown]How much?{#1000000000:0.5}',
    );
  });

  it('escapes line breaks that would end the block or start a comment', () => {
    const q: Question = { ...s, id: 'l', type: 'flashcard', front: 'a\n\nb\n// c\n  d', back: 'x' };
    expect(questionToGift(q).split('\n').slice(1).join('\n')).toBe('::l::[markdown]a\\n\nb\\n// c\n  d{=x}');
    const back = readGift(questionToGift(q).replace('[section:s1]', ''));
    expect(back.ok && back.pack.questions[0]).toMatchObject({ front: 'a\n\nb\n// c\n  d' });
  });
});

describe('packToGift', () => {
  it('writes pack metadata, one $CATEGORY per chapter and a description per section', () => {
    const parsed = parsePackJson(readFixtureText('json/all-types.json'));
    if (!parsed.ok) throw new Error('fixture');
    const gift = packToGift(parsed.pack);
    expect(gift.split('\n').slice(0, 9)).toEqual([
      '// A Lectern pack as Moodle GIFT; the bracketed comments keep what GIFT cannot say.',
      '// [pack-id:fixture-all-types] [title:Every question type] [language:en] [version:1.2.0] [author:Lectern tests] [license:CC0-1.0] [date:2026-01-15] [description:A fixture pack with one question of each type.\\nSecond line: 50% off {braces} #hash = sign ~ tilde]',
      '',
      '// [id:intro]',
      '$CATEGORY: $course$/top/Introduction // overview',
      '',
      '// [section:intro-a]',
      '::The deal::[markdown]Microsoft invested **$1 billion** in 2019.\\n',
      'A second paragraph\\: a \\= b, \\{c\\}, \\~d, \\#e.',
    ]);
  });

  it('writes the all-types fixture exactly as the committed export (files already exported keep reading)', () => {
    const parsed = parsePackJson(readFixtureText('json/all-types.json'));
    if (!parsed.ok) throw new Error('fixture');
    const committed = readFixtureText('gift/lectern-export.gift');
    expect(packToGift(parsed.pack)).toBe(committed);
    const back = readGift(committed);
    expect(back.ok && back.pack).toEqual(parsed.pack);
  });

  it('reads back the all-types fixture unchanged: ids, types, prompts, answers, explanations, sections', () => {
    const parsed = parsePackJson(readFixtureText('json/all-types.json'));
    if (!parsed.ok) throw new Error('fixture');
    const back = readGift(packToGift(parsed.pack), { fileName: 'renamed.gift' });
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.warnings).toEqual([]);
    expect(back.pack).toEqual(parsed.pack);
  });
});
