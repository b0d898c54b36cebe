import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../../renderer/src/core/formats';
import {
  caretLine,
  EXCERPT_WIDTH,
  excerptOf,
  formatDiagnosticWithSource,
  withExcerpts,
} from '../../../../renderer/src/core/pack/diagnostics';

describe('diagnostic excerpts: the source line with a caret at the column', () => {
  it('puts ^ at the column and ~ under the rest of the word', () => {
    const e = excerptOf('A)Incorrect answer', 3);
    expect(e).toEqual({ text: 'A)Incorrect answer', column: 3 });
    expect(caretLine(e)).toBe(`  ^${'~'.repeat('Incorrect'.length - 1)}`);
  });

  it('shows tabs as one space so the caret lines up', () => {
    const e = excerptOf('a\tb', 3);
    expect(e.text).toBe('a b');
    expect(caretLine(e)).toBe('  ^');
  });

  it('cuts a long line around the column and marks the cuts', () => {
    const line = `${'x'.repeat(500)}HERE${'y'.repeat(500)}`;
    const e = excerptOf(line, 501);
    expect(e.text.length).toBe(EXCERPT_WIDTH);
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.text.slice(e.column - 1, e.column + 3)).toBe('HERE');
    const start = excerptOf(line, 1);
    expect(start.column).toBe(1);
    expect(start.text.startsWith('x')).toBe(true);
    const end = excerptOf(line, line.length);
    expect(end.text.at(end.column - 1)).toBe('y');
  });

  it('formats a diagnostic as compilers do: message, source line, caret', () => {
    const [d] = withExcerpts('first\nsecond line\n', [
      { message: 'bad', line: 2, column: 8, severity: 'warning' },
    ]);
    expect(d && formatDiagnosticWithSource('f.txt', d)).toBe(
      'f.txt:2:8: warning: bad\n    second line\n           ^~~~',
    );
    expect(formatDiagnosticWithSource('f.txt', { message: 'no place' })).toBe('f.txt: no place');
  });

  it('readPackFile gives placed problems their excerpt when asked', () => {
    const result = readPackFile('q.txt', 'Q?\nA)x\nANSWER: A\n', { excerpts: true });
    expect(result.ok ? [] : result.issues).toEqual([
      {
        message: 'a question needs at least 2 options',
        line: 3,
        column: 1,
        excerpt: { text: 'ANSWER: A', column: 1 },
      },
    ]);
  });
});
