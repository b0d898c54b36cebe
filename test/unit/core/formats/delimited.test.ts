import { describe, expect, it } from 'vitest';
import { guessSeparator, readDelimited, readPackFile } from '../../../../renderer/src/core/formats';
import { readFixture } from './fixtures';

function diagnostics(path: string) {
  const result = readPackFile(path.split('/').pop() ?? path, readFixture(path));
  return (result.ok ? result.warnings : result.issues).map((d) => `${d.line}:${d.column}: ${d.message}`);
}

describe('readDelimited: Anki notes in plain text', () => {
  it('reads headers: separator, html, GUID, note type, deck and tags columns; quoted fields', () => {
    const result = readPackFile('anki-notes.txt', readFixture('delimited/anki-notes.txt'));
    expect(result.format).toBe('delimited');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { pack } = result;
    expect(pack.chapters.map((c) => [c.id, c.title])).toEqual([
      ['course-week-1', 'Course / Week 1'],
      ['course-week-2', 'Course / Week 2'],
    ]);
    expect(pack.questions).toEqual([
      {
        id: 'ab1',
        section: 'course-week-1',
        type: 'flashcard',
        front: 'What is Azure?',
        back: "Microsoft's cloud\nplatform",
        tags: ['cloud', 'basics'],
      },
      {
        id: expect.stringMatching(/^cd-2-[0-9a-f]{10}$/),
        section: 'course-week-2',
        type: 'flashcard',
        front: 'Who leads OpenAI?',
        back: 'Sam Altman',
        tags: ['people'],
      },
      {
        id: 'ef3',
        section: 'course-week-1',
        type: 'cloze',
        text: 'The deal was in {{c1::2019}}.',
        explanation: 'The first investment.',
      },
      {
        id: 'gh4',
        section: 'course-week-1',
        type: 'flashcard',
        front: 'Quoted, with tab inside',
        back: 'Says "hi" over two lines',
      },
    ]);
  });

  it('reads named separators, #deck, #tags, #columns and plain text with html:false', () => {
    const result = readPackFile('anki-semicolon.csv', readFixture('delimited/anki-semicolon.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.chapters.map((c) => c.title)).toEqual(['Imported']);
    expect(result.pack.questions).toMatchObject([
      {
        type: 'cloze',
        text: '{{c1::Redmond}} is where Microsoft is based.',
        explanation: 'Extra note',
        tags: ['anki', 'import'],
      },
      { type: 'flashcard', front: 'Plain front', back: 'Plain back', explanation: 'More <i>detail</i>' },
    ]);
  });

  it('reports bad headers at their value', () => {
    expect(diagnostics('delimited/broken-headers.txt')).toEqual([
      '1:12: unknown separator "Weird": use Comma, Semicolon, Tab, Space, Pipe, Colon or one character; Anki ignores this line too',
      '2:14: #tags column is a column number from 1, not "zero"; Anki ignores this line too',
    ]);
  });
});

describe('readDelimited: Quizlet and other header-less files', () => {
  it('reads tab-separated term/definition rows', () => {
    const result = readPackFile('quizlet.tsv', readFixture('delimited/quizlet.tsv'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions.map((q) => q.type === 'flashcard' && [q.front, q.back])).toEqual([
      ['Azure', 'Microsoft cloud platform'],
      ['ChatGPT', 'OpenAI chatbot'],
      ['Gemini', 'Google model'],
    ]);
    expect(result.pack.chapters.map((c) => c.title)).toEqual(['Questions']);
  });

  it('reads comma-separated rows with a header row and quoted separators', () => {
    const result = readPackFile('quizlet.csv', readFixture('delimited/quizlet.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions.map((q) => q.type === 'flashcard' && [q.front, q.back])).toEqual([
      ['Azure', 'Microsoft cloud, used by OpenAI'],
      ['ChatGPT', 'OpenAI chatbot'],
    ]);
  });

  it('guesses the separator from content and extension', () => {
    expect(guessSeparator('a\tb\nc\td', 'x.txt')).toBe('\t');
    // Anki's order for text files: tab, pipe, semicolon, colon, comma, else space.
    expect(guessSeparator('a|b,c\n', 'x.txt')).toBe('|');
    expect(guessSeparator('a;b,c\n', 'x.txt')).toBe(';');
    expect(guessSeparator('a b\n', 'x.txt')).toBe(' ');
    expect(guessSeparator('a;b\nc;d', 'x.csv')).toBe(';');
    expect(guessSeparator('a,b\nc,d', 'x.csv')).toBe(',');
    expect(guessSeparator('a|b\nc|d', 'x.txt')).toBe('|');
  });

  it('keeps doubled quotes, separators and line breaks inside quoted fields (RFC 4180)', () => {
    const result = readDelimited('"a, ""b""\nc",d\ne,"f\n\ng"\n', { fileName: 'x.csv' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions.map((q) => q.type === 'flashcard' && [q.front, q.back])).toEqual([
      ['a, "b"\nc', 'd'],
      ['e', 'f\n\ng'],
    ]);
  });

  it('reports an unclosed quote and bad rows at their line and column', () => {
    expect(diagnostics('delimited/broken-quote.csv')).toEqual([
      '1:1: this first row is read as column names (front, back), not as a card; Anki would import it as a note',
      '2:1: this quoted field is never closed with " (read as Anki reads it)',
      '2:1: this note has an empty back: it is imported with an empty back, as Anki does',
    ]);
    expect(diagnostics('delimited/broken-rows.csv')).toEqual([
      '1:1: this first row is read as column names (front, back), not as a card; Anki would import it as a note',
      '2:1: this note has an empty back: it is imported with an empty back, as Anki does',
      '3:1: this note has an empty first field: it is skipped, as Anki skips it',
      '4:9: text after the closing quote of a field: put the whole field in quotes (read as Anki reads it)',
    ]);
  });

  it('places validation problems at the field: a duplicate GUID', () => {
    const result = readDelimited('#guid column:1\nx\ta\tb\nx\tc\td\n', { fileName: 'x.txt' });
    expect(result.ok ? [] : result.issues).toEqual([
      { message: 'question id "x" is already used at line 2', line: 3, column: 1 },
    ]);
  });

  it('reads rows the way Anki does', () => {
    const read = (text: string, fileName = 'x.txt') => {
      const r = readDelimited(text, { fileName });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r;
    };
    const cards = (text: string) =>
      read(text).pack.questions.map((q) =>
        q.type === 'flashcard' ? [q.front, q.back, q.tags ?? []] : q.type,
      );
    // the default tags column: the first column after the note's fields
    expect(cards('foo;bar;baz quux\n')).toEqual([['foo', 'bar', ['baz', 'quux']]]);
    // `#` comment lines anywhere, not only at the top
    expect(cards('#top\na,b\n#middle\nc,d\n')).toEqual([
      ['a', 'b', []],
      ['c', 'd', []],
    ]);
    // the old `tags:` first line, and a header row is a note in a text file
    expect(cards('tags:foo bar\nfront,back\n')).toEqual([['front', 'back', ['foo', 'bar']]]);
    // header values padded with separators by a spreadsheet
    expect(cards('#separator:Pipe,,,\n#html:false,,\na|b,c\n')).toEqual([['a', 'b,c', []]]);
    // HTML detected from the content when #html is absent
    expect(cards('<b>bold</b>\tsecond<br>line\n')).toEqual([['bold', 'second\nline', []]]);
    expect(cards('#html:false\n<b>bold</b>\tback\n')).toEqual([['<b>bold</b>', 'back', []]]);
  });

  it('imports an empty back and skips an empty first field, each with a warning', () => {
    const result = readDelimited('front only\n\tno front\n', { fileName: 'x.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions).toMatchObject([{ front: 'front only', back: '' }]);
    expect(result.warnings.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '1:1: this note has an empty back: it is imported with an empty back, as Anki does',
      '2:1: this note has an empty first field: it is skipped, as Anki skips it',
    ]);
  });

  it('keeps the reference of a field that is only an image and names the file in a warning', () => {
    const result = readDelimited('#html:true\n<img src="cat.jpg">\tA cat\n', { fileName: 'x.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // The text Anki displays is empty; the image is kept apart, by file name.
    expect(result.pack.questions).toEqual([
      expect.objectContaining({ front: '', frontImages: ['cat.jpg'], back: 'A cat' }),
    ]);
    expect(result.pack.questions[0]).not.toHaveProperty('backImages');
    expect(result.warnings.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '2:1: this field is only an image (cat.jpg): Lectern lists the file name until it can show images',
    ]);
  });

  it('an image-only back and an image beside text keep their file names, with no filler text', () => {
    const result = readDelimited('#html:true\nA cat<img src="a.png">\t<img src=\'b.gif\'><img src=c.jpg>\n', {
      fileName: 'x.txt',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions).toEqual([
      expect.objectContaining({
        front: 'A cat',
        frontImages: ['a.png'],
        back: '',
        backImages: ['b.gif', 'c.jpg'],
      }),
    ]);
    expect(result.warnings.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '2:24: this field is only an image (b.gif, c.jpg): Lectern lists the file name until it can show images',
    ]);
  });

  it('a first field with no text and no image (an empty <img src>) is skipped with a warning', () => {
    const result = readDelimited('#html:true\n<img src="">\tback\nfront\tback\n', { fileName: 'x.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.pack.questions).toMatchObject([{ front: 'front', back: 'back' }]);
    expect(result.warnings.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '2:1: this note has no text in its first field once HTML is removed: it is skipped',
    ]);
  });

  it('never reads a file of headers only as an empty pack without an error', () => {
    const result = readDelimited('#separator:comma\n#html:true\n', { fileName: 'x.txt' });
    expect(result.ok).toBe(false);
  });
});
