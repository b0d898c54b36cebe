import { describe, expect, it } from 'vitest';
import { detectPackFormat } from '../../../../renderer/src/core/formats';

describe('detectPackFormat', () => {
  it('trusts an extension that names a format', () => {
    expect(detectPackFormat('a.json', 'Q{T}')).toBe('lectern');
    expect(detectPackFormat('a.GIFT', '{"a":1}')).toBe('gift');
    expect(detectPackFormat('a.csv', 'x')).toBe('delimited');
    expect(detectPackFormat('a.tsv', 'x')).toBe('delimited');
  });

  it('reads the content of .txt and unknown files', () => {
    expect(detectPackFormat('a.txt', '  {\n "format": "lectern-pack"}')).toBe('lectern');
    expect(detectPackFormat('a.txt', '#separator:tab\na\tb')).toBe('delimited');
    expect(detectPackFormat('a.txt', 'Q?\nA. one\nB) two\nANSWER: A\n')).toBe('aiken');
    expect(detectPackFormat('a.txt', '::T::Q{=a ~b}')).toBe('gift');
    expect(detectPackFormat('a.txt', '$CATEGORY: x\n\nNotes')).toBe('gift');
    expect(detectPackFormat('a.txt', 'term\tdefinition\nx\ty')).toBe('delimited');
    expect(detectPackFormat('a.txt', 'a,b\nc,d')).toBe('delimited');
    expect(detectPackFormat('notes', 'Just some notes.')).toBe('delimited');
  });

  it('reads no file as GIFT without GIFT structure: LaTeX braces and Anki clozes are not answer blocks', () => {
    expect(detectPackFormat('a.txt', '1 x 1 =\t1\nCard front \\(\\sqrt{x}\\)\tback')).toBe('delimited');
    expect(detectPackFormat('a.txt', 'The {{c1::sun}} is a star;extra')).toBe('delimited');
    expect(detectPackFormat('a.txt', '# a comment\nfoo bar;bar baz;baz quux')).toBe('delimited');
    expect(detectPackFormat('a.txt', 'tags:foo\nfront,back')).toBe('delimited');
    expect(detectPackFormat('a.txt', 'Q {T}')).toBe('gift');
    expect(detectPackFormat('a.txt', 'Q {#3:0.5}')).toBe('gift');
    expect(detectPackFormat('a.txt', 'Q {}')).toBe('gift');
    expect(detectPackFormat('a.txt', 'Q {1:MC:=a~b}')).toBe('gift');
  });

  it('prefers GIFT when an Aiken-looking file has GIFT answer blocks', () => {
    expect(detectPackFormat('a.txt', 'Q?{=x}\n\nA. one\nANSWER: A')).toBe('gift');
  });
});
