import { describe, expect, it } from 'vitest';
import { detectPackFormat, readPackFile } from '@/core/formats';
import type { ReadPackResult } from '@/core/formats/read-pack-file';
import type { Question } from '@/core/pack/schema';

/** A 1×1 PNG and a different 1×1 PNG (other pixel), as base64. */
const PNG_A =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_B =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const quiz = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${body}\n</quiz>\n`;
const text = (tag: string, value: string, format = 'html') =>
  `<${tag} format="${format}"><text><![CDATA[${value}]]></text></${tag}>`;
const category = (path: string, info = '') =>
  `<question type="category"><category><text>${path}</text></category>${info ? text('info', info) : ''}</question>`;

function read(xml: string, name = 'bank.xml'): ReadPackResult {
  return readPackFile(name, new TextEncoder().encode(xml));
}

function ok(xml: string) {
  const r = read(xml);
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r;
}

function only<T extends Question['type']>(xml: string, type: T): Extract<Question, { type: T }> {
  const q = ok(xml).pack.questions[0];
  expect(q?.type).toBe(type);
  return q as Extract<Question, { type: T }>;
}

describe('Moodle XML: question types', () => {
  it('multichoice keeps fractions as credit, per-answer feedback, name, general feedback, tags and idnumber', () => {
    const q = only(
      quiz(`<question type="multichoice">
  <name><text>Capitals</text></name>
  ${text('questiontext', '<p>Find the <b>capital</b> cities.</p>')}
  ${text('generalfeedback', '<p>London and Paris.</p>')}
  <idnumber>cap-1</idnumber>
  <single>false</single><shuffleanswers>0</shuffleanswers>
  <answer fraction="50"><text>London</text><feedback><text>Yes</text></feedback></answer>
  <answer fraction="50"><text>Paris</text></answer>
  <answer fraction="-100"><text>Tokyo</text><feedback><text>No &amp; no</text></feedback></answer>
  <tags><tag><text>geo</text></tag><tag><text>europe</text></tag></tags>
</question>`),
      'multiple-choice',
    );
    expect(q).toMatchObject({
      id: 'cap-1',
      title: 'Capitals',
      prompt: 'Find the capital cities.',
      explanation: 'London and Paris.',
      tags: ['geo', 'europe'],
      fixedOrder: true,
      choices: [
        { text: 'London', correct: true, credit: 50, feedback: 'Yes' },
        { text: 'Paris', correct: true, credit: 50 },
        { text: 'Tokyo', correct: false, credit: -100, feedback: 'No & no' },
      ],
    });
  });

  it('truefalse takes the truth and the feedback from the answer whose text is "true"', () => {
    const q = only(
      quiz(`<question type="truefalse"><name><text>TF</text></name>${text('questiontext', 'Is it?')}
  <answer fraction="0"><text>true</text><feedback><text>Wrong.</text></feedback></answer>
  <answer fraction="100"><text>false</text><feedback><text>Right.</text></feedback></answer></question>`),
      'true-false',
    );
    expect(q).toMatchObject({ answer: false, feedbackTrue: 'Wrong.', feedbackFalse: 'Right.' });
  });

  it('shortanswer keeps credit, feedback and the * wildcard as graded answers', () => {
    const q = only(
      quiz(`<question type="shortanswer"><name><text>SA</text></name>${text('questiontext', 'Name an amphibian')}
  <usecase>0</usecase>
  <answer fraction="100"><text>frog</text><feedback><text>Very good.</text></feedback></answer>
  <answer fraction="80"><text>toad</text></answer>
  <answer fraction="0"><text>*</text><feedback><text>Bad.</text></feedback></answer></question>`),
      'typed',
    );
    expect(q.accept).toEqual(['frog']);
    expect(q.answers).toEqual([
      { text: 'frog', credit: 100, feedback: 'Very good.' },
      { text: 'toad', credit: 80 },
      { text: '*', credit: 0, feedback: 'Bad.' },
    ]);
  });

  it('numerical keeps the tolerance, the base unit, partial answers and the other-answer feedback', () => {
    const q = only(
      quiz(`<question type="numerical"><name><text>N</text></name>${text('questiontext', 'Average?')}
  <answer fraction="100"><text>6.25</text><tolerance>0.05</tolerance></answer>
  <answer fraction="50"><text>6</text><tolerance>0.5</tolerance><feedback><text>Close.</text></feedback></answer>
  <answer fraction="0"><text>*</text><feedback><text>No.</text></feedback></answer>
  <units><unit><multiplier>1</multiplier><unit_name>m</unit_name></unit></units></question>`),
      'typed',
    );
    expect(q.numeric).toEqual({ value: 6.25, tolerance: 0.05, unit: 'm' });
    expect(q.answers).toEqual([
      { numeric: { value: 6.25, tolerance: 0.05, unit: 'm' }, credit: 100 },
      { numeric: { value: 6, tolerance: 0.5, unit: 'm' }, credit: 50, feedback: 'Close.' },
    ]);
    expect(q.otherFeedback).toBe('No.');
  });

  it('matching: a subquestion without text is a distractor; ordering follows the fractions', () => {
    const r = ok(
      quiz(`<question type="matching"><name><text>M</text></name>${text('questiontext', 'Classify')}
  <subquestion format="html"><text>frog</text><answer><text>amphibian</text></answer></subquestion>
  <subquestion format="html"><text>cat</text><answer><text>mammal</text></answer></subquestion>
  <subquestion format="html"><text></text><answer><text>insect</text></answer></subquestion></question>
<question type="ordering"><name><text>O</text></name>${text('questiontext', 'Order')}
  <answer fraction="2"><text>second</text></answer><answer fraction="1"><text>first</text></answer>
  <answer fraction="3"><text>third</text></answer></question>`),
    );
    expect(r.pack.questions[0]).toMatchObject({
      type: 'matching',
      pairs: [
        { left: 'frog', right: 'amphibian' },
        { left: 'cat', right: 'mammal' },
      ],
      distractors: ['insect'],
    });
    expect(r.pack.questions[1]).toMatchObject({ type: 'ordering', items: ['first', 'second', 'third'] });
  });

  it('Cloze becomes a cloze with choice blanks, typed blanks and numbers; what blanks lose is warned about', () => {
    const r = ok(
      quiz(`<question type="cloze"><name><text>C</text></name>
  ${text('questiontext', '<p>Capital: {1:MULTICHOICE:=Paris#yes~Lyon#no}. Formula: {1:SHORTANSWER:=H<sub>2</sub>O~%50%HO}. Boils at {2:NUMERICAL:=100:1}.</p>')}
</question>`),
    );
    expect(r.pack.questions[0]).toMatchObject({
      type: 'cloze',
      text: 'Capital: {{c1::Paris|~Lyon}}. Formula: {{c2::H2O}}. Boils at {{c3::100}}.',
    });
    const warning = r.warnings.map((w) => w.message).join('\n');
    expect(warning).toContain('per-answer feedback in blanks');
    expect(warning).toContain('partial credit in blanks ("HO" 50%)');
    expect(warning).toContain('tolerances of numbers in blanks');
  });

  it('gapselect and ddwtos become choice blanks from the options of the gap’s group', () => {
    const options = (tag: string) =>
      ['cat', 'sat', 'mat', 'dog']
        .map((t, i) => `<${tag}><text>${t}</text><group>${i === 3 ? 1 : 1}</group></${tag}>`)
        .join('');
    const r = ok(
      quiz(`<question type="gapselect"><name><text>G</text></name>${text('questiontext', 'The [[1]] [[2]] on the [[3]].')}${options('selectoption')}</question>
<question type="ddwtos"><name><text>D</text></name>${text('questiontext', 'A [[1]].')}${options('dragbox')}</question>`),
    );
    expect(r.pack.questions.map((q) => (q.type === 'cloze' ? q.text : ''))).toEqual([
      'The {{c1::cat|~sat|~mat|~dog}} {{c2::~cat|sat|~mat|~dog}} on the {{c3::~cat|~sat|mat|~dog}}.',
      'A {{c1::cat|~sat|~mat|~dog}}.',
    ]);
  });

  it('essay → discussion prompt with the general feedback as a point; description → notes', () => {
    const r = ok(
      quiz(`${category('$course$/top/Week 1')}
<question type="description"><name><text>Intro</text></name>${text('questiontext', '<p>Read this first.</p>')}</question>
<question type="essay"><name><text>E</text></name>${text('questiontext', 'Discuss the deal.')}${text('generalfeedback', 'Mention the cap.')}</question>`),
    );
    expect(r.pack.discussions[0]).toMatchObject({
      prompt: 'Discuss the deal.',
      points: ['Mention the cap.'],
    });
    expect(r.pack.chapters[0]?.sections[0]?.body).toBe('Read this first.');
  });
});

describe('Moodle XML: categories, ids and skipped types', () => {
  it('categories (nested, reversed, old-style) become chapters, and their info the chapter notes', () => {
    const r = ok(
      quiz(`${category('$course$/top/Sigma/Tau', 'About Tau')}
<question type="truefalse"><name><text>T1</text></name>${text('questiontext', 'In Tau')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
<question type="category"><category>$course$/Sigma</category></question>
<question type="truefalse"><name><text>T2</text></name>${text('questiontext', 'In Sigma')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`),
    );
    expect(r.pack.chapters.map((c) => c.title)).toEqual(['Sigma / Tau', 'Sigma']);
    expect(r.pack.chapters[0]?.sections[0]?.body).toBe('About Tau');
    const [t1, t2] = r.pack.questions;
    expect(t1?.section).toBe(r.pack.chapters[0]?.sections[0]?.id);
    expect(t2?.section).toBe(r.pack.chapters[1]?.sections[0]?.id);
  });

  it('an idnumber with XML entities is decoded once and made a stable id; re-reading gives the same ids', () => {
    const xml = quiz(
      `<question type="truefalse"><name><text>A</text></name>${text('questiontext', 'Q')}<idnumber>T &amp; F</idnumber><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
<question type="truefalse"><name><text>B</text></name>${text('questiontext', 'Q2')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`,
    );
    const first = ok(xml).pack.questions.map((q) => q.id);
    expect(first[0]).toMatch(/^t-f-[0-9a-f]+$/);
    expect(ok(xml).pack.questions.map((q) => q.id)).toEqual(first);
  });

  it('unknown or ungradable types are skipped with a warning naming the question and its line', () => {
    const r = ok(
      quiz(`<question type="ddmarker"><name><text>Map</text></name>${text('questiontext', 'Drop')}</question>
<question type="truefalse"><name><text>T</text></name>${text('questiontext', 'Q')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`),
    );
    expect(r.pack.questions).toHaveLength(1);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining('question "Map"') }),
    );
  });
});

describe('Moodle XML: media', () => {
  it('embedded base64 images and @@PLUGINFILE@@ references become pack media and ![alt](media:NAME)', () => {
    const r = ok(
      quiz(`<question type="truefalse"><name><text>One</text></name>
  <questiontext format="html"><text><![CDATA[<p>See <img src="@@PLUGINFILE@@/my%20logo.png" alt="Logo" /></p>]]></text>
  <file name="my logo.png" path="/" encoding="base64">${PNG_A}</file></questiontext>
  <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
<question type="truefalse"><name><text>Two</text></name>
  <questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/my%20logo.png" alt="Other">]]></text>
  <file name="my logo.png" path="/" encoding="base64">${PNG_B}</file></questiontext>
  <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`),
    );
    const prompts = r.pack.questions.map((q) => (q.type === 'true-false' ? q.prompt : ''));
    // The same name with other bytes in another question is another file.
    expect(prompts).toEqual(['See ![Logo](media:my_logo.png)', '![Other](media:my_logo-2.png)']);
    expect(r.media?.map((m) => [m.name, m.type, m.bytes.length])).toEqual([
      ['my_logo.png', 'image/png', 70],
      ['my_logo-2.png', 'image/png', 70],
    ]);
  });

  it('Moodle 1.9 <image> with <image_base64> is shown after the question text', () => {
    const r = ok(
      quiz(`<question type="multichoice"><name><text>Old</text></name>${text('questiontext', 'Which?')}
  <image>moodle.png</image><image_base64>${PNG_A}</image_base64>
  <answer fraction="100"><text>
right answer
  </text></answer><answer fraction="0"><text>wrong</text></answer></question>`),
    );
    expect(r.pack.questions[0]).toMatchObject({
      prompt: 'Which? ![](media:moodle.png)',
      choices: [{ text: 'right answer' }, { text: 'wrong' }],
    });
    expect(r.media?.map((m) => m.name)).toEqual(['moodle.png']);
  });

  it('a reference to a file that is not embedded keeps the alt text and is warned about', () => {
    const r = ok(
      quiz(
        `<question type="truefalse"><name><text>T</text></name>${text('questiontext', 'X <img src="@@PLUGINFILE@@/gone.png" alt="a map">')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`,
      ),
    );
    expect(r.pack.questions[0]).toMatchObject({ prompt: 'X a map' });
    expect(r.warnings.map((w) => w.message).join()).toContain('"gone.png" is referenced but not embedded');
    expect(r.media).toBeUndefined();
  });
});

describe('Moodle XML: what Moodle refuses', () => {
  it('grades off Moodle’s list refuse the file at the fraction (invalid grades)', () => {
    const r = read(
      quiz(`<question type="multichoice"><name><text>Bad</text></name>${text('questiontext', 'Q')}
<answer fraction="33.33333"><text>a</text></answer>
<answer fraction="33"><text>b</text></answer>
<answer fraction="-50"><text>c</text></answer></question>`),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 5, column: 9, message: expect.stringContaining('33%') }),
    ]);
    expect(r.issues[0]?.message).not.toContain('33.33333%');
  });

  it('broken Cloze questions are refused, one error per problem, placed in the question text', () => {
    const r = read(
      quiz(`<question type="cloze"><name><text>None</text></name>${text('questiontext', 'No blank {1:MULTICHOICE}')}</question>
<question type="cloze"><name><text>One</text></name>${text('questiontext', 'Only {1:MULTICHOICE:=a}')}</question>
<question type="cloze"><name><text>Num</text></name>${text('questiontext', 'N {1:NUMERICAL:=zero}')}</question>`),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((d) => [d.line, d.message.replace(/^.*question: /, '')])).toEqual([
      [3, 'The question text must include at least one embedded answer.'],
      [4, 'This type of question requires at least 2 choices'],
      [5, "The answer must be a number, for example -1.234 or 3e8, or '*'."],
    ]);
    // At the "{" of the embedded answer on line 4.
    expect(r.issues[1]?.column).toBe(101);
  });

  it('malformed XML is refused at its line:column; a root other than <quiz> is not a question bank', () => {
    const bad = read('<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n</quiz>\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues[0]).toMatchObject({
        line: 4,
        column: 1,
        message: expect.stringContaining('</quiz>'),
      });
    const other = read('<?xml version="1.0"?>\n<html></html>');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.issues[0]?.message).toContain('not a Moodle question bank');
    const entity = read('<quiz>&nbsp;</quiz>');
    expect(entity.ok).toBe(false);
  });
});

describe('Moodle XML: detection', () => {
  it('is read by .xml extension and by a <quiz> root in a file with another extension', () => {
    expect(detectPackFormat('bank.xml', '')).toBe('moodlexml');
    expect(detectPackFormat('bank.txt', '<?xml version="1.0"?>\n<!-- q -->\n<quiz>\n</quiz>')).toBe(
      'moodlexml',
    );
    expect(read(quiz(category('$course$/A')), 'export.txt').format).toBe('moodlexml');
  });
});

describe('Moodle XML: what Moodle takes and a Lectern question cannot hold', () => {
  it('a multichoice with one answer or a question with no text is skipped with the reason; the rest imports', () => {
    const r = ok(
      quiz(`<question type="multichoice"><name><text>Lonely</text></name>${text('questiontext', 'Only one?')}<answer fraction="100"><text>Yes</text></answer></question>
<question type="truefalse"><name><text>Blank</text></name>${text('questiontext', '')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
<question type="truefalse"><name><text>Fine</text></name>${text('questiontext', 'Q')}<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`),
    );
    expect(r.pack.questions.map((q) => q.title)).toEqual(['Fine']);
    const messages = r.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^3: question "Lonely" cannot be a Lectern question \(choices: needs at least 2 choices\): skipped/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^4: question "Blank" cannot be a Lectern question \(prompt: /),
    );
  });
});
