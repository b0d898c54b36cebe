import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../renderer/src/core/pack';
import {
  buildDiscussionSheet,
  describeAnswer,
  describePrompt,
  discussionSheetHtml,
  discussionSheetMarkdown,
} from '../../../../renderer/src/core/selftest';
import { makePack } from '../stats/fixtures';

const base = { section: 's1', explanation: 'Because the article says so.' };
const QUESTIONS: Question[] = [
  { ...base, id: 'f', type: 'flashcard', front: 'Front', back: 'Back' },
  {
    ...base,
    id: 'mc',
    type: 'multiple-choice',
    prompt: 'Which?',
    choices: [
      { text: 'Azure', correct: true },
      { text: 'AWS', correct: false },
      { text: 'Bing', correct: true },
    ],
  },
  { ...base, id: 'tf', type: 'true-false', prompt: 'True?', answer: false },
  { ...base, id: 't', type: 'typed', prompt: 'How much?', accept: ['$1 billion', '$1B'] },
  {
    ...base,
    id: 'n',
    type: 'typed',
    prompt: 'Year?',
    accept: [],
    numeric: { value: 2019, tolerance: 0, unit: 'year' },
  },
  {
    ...base,
    id: 'c',
    type: 'cloze',
    text: 'In {{c1::2019::year}} Microsoft invested {{c2::$1 billion|$1B}}.',
  },
  {
    ...base,
    id: 'm',
    type: 'matching',
    prompt: 'Match',
    pairs: [
      { left: 'A', right: '1' },
      { left: 'B', right: '2' },
    ],
  },
  { ...base, id: 'o', type: 'ordering', prompt: 'Order', items: ['first', 'second', 'third'] },
];

describe('describePrompt / describeAnswer', () => {
  it('gives the prompt and right answer of every question type', () => {
    expect(QUESTIONS.map((q) => [describePrompt(q), describeAnswer(q)])).toEqual([
      ['Front', 'Back'],
      ['Which?', 'Azure; Bing'],
      ['True?', 'False'],
      ['How much?', '$1 billion'],
      ['Year?', '2019 year'],
      ['In [year] Microsoft invested […].', 'In 2019 Microsoft invested $1 billion.'],
      ['Match', 'A → 1; B → 2'],
      ['Order', 'first → second → third'],
    ]);
  });
});

describe('buildDiscussionSheet', () => {
  const pack = makePack('p');
  const missedC1 = { question: QUESTIONS[1] as Question, given: 'AWS' };
  const missedC2 = { question: { ...(QUESTIONS[2] as Question), id: 'tf2', section: 's2' }, given: null };

  it("keeps the chosen chapters' prompts and missed facts, in course order", () => {
    const sheet = buildDiscussionSheet(pack, ['c2'], [missedC1, missedC2]);
    expect(sheet).toEqual({
      packId: 'p',
      packTitle: 'Pack p',
      chapters: [
        {
          chapterId: 'c2',
          title: 'Chapter two',
          prompts: [
            {
              id: 'd2',
              prompt: 'Discuss two',
              points: ['point c'],
              sections: [{ id: 's2', title: 'Section two' }],
            },
          ],
          missed: [
            {
              questionId: 'tf2',
              sectionId: 's2',
              sectionTitle: 'Section two',
              prompt: 'True?',
              answer: 'False',
              explanation: 'Because the article says so.',
              given: null,
            },
          ],
        },
      ],
    });
    expect(buildDiscussionSheet(pack, [], []).chapters.map((c) => c.chapterId)).toEqual(['c1', 'c2']);
  });

  it('renders Markdown', () => {
    const sheet = buildDiscussionSheet(pack, ['c1'], [missedC1]);
    expect(discussionSheetMarkdown(sheet, { date: '2026-03-15' })).toBe(
      [
        '# Discussion sheet: Pack p',
        '',
        '_2026-03-15_',
        '',
        '## Chapter one',
        '',
        '### For discussion',
        '',
        '1. **Discuss one**',
        '   - point a',
        '   - point b',
        '',
        '   _Draws on: Section one_',
        '',
        '### Facts to review',
        '',
        '- **Which?**  ',
        '  Answer: Azure; Bing  ',
        '  You answered: AWS  ',
        '  Because the article says so.  ',
        '  _Section: Section one_',
        '',
      ].join('\n'),
    );
  });

  it('Markdown sheet copied pack text raw: HTML, remote images and javascript: links are neutralised', () => {
    const hostile = makePack('p');
    hostile.title = 'Pack <b>&amp;</b>';
    hostile.discussions = [
      {
        id: 'd1',
        prompt: 'Is **this** <script>alert(1)</script> fine?',
        points: [
          '<img src=x onerror=alert(1)> ![tracker](https://evil.test/p.png)',
          '[click](javascript:alert(1)) [docs](https://example.test/a) ![own](data:image/png;base64,iVBORw0K)',
          'code `<b>` stays code',
        ],
        sections: ['s1'],
      },
    ];
    const md = discussionSheetMarkdown(buildDiscussionSheet(hostile, [], []));
    expect(md).toContain('# Discussion sheet: Pack \\<b\\>\\&amp;\\</b\\>');
    expect(md).toContain('1. **Is **this** \\<script\\>alert(1)\\</script\\> fine?**');
    expect(md).toContain('   - \\<img src=x onerror=alert(1)\\> \\[image: tracker\\]');
    expect(md).toContain('   - click) [docs](https://example.test/a) ![own](data:image/png;base64,iVBORw0K)');
    expect(md).toContain('   - code ` <b> ` stays code');
    // Nothing a Markdown viewer would turn into HTML, a script link or a remote fetch.
    const outsideCode = md.replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])<(script|img|b)\b|javascript:|evil\.test/);
  });

  it('renders a self-contained, escaped HTML document without scripts', () => {
    const hostile = makePack('p');
    hostile.title = 'Pack <b>&</b>';
    hostile.discussions = [
      {
        id: 'd1',
        prompt: 'Is **this** <script>alert(1)</script> fine?',
        points: ['[link](https://x.test) `code`'],
        sections: ['s1'],
      },
    ];
    const html = discussionSheetHtml(
      buildDiscussionSheet(
        hostile,
        [],
        [{ question: QUESTIONS[0] as Question, given: '<img src=x onerror=alert(1)>' }],
      ),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>Discussion sheet: Pack &#60;b&#62;&#38;&#60;/b&#62;</title>');
    expect(html).toContain(
      '<strong>Is <strong>this</strong> &#60;script&#62;alert(1)&#60;/script&#62; fine?</strong>',
    );
    expect(html).toContain('<li>link <code>code</code></li>');
    expect(html).toContain('You answered:</span> &#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|<img|<a |https?:\/\//i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });
});
