import { describe, expect, it } from 'vitest';
import { checkMarkdown, markdownToText, parseMarkdown } from '../../../../renderer/src/core/markdown';

describe('parseMarkdown', () => {
  it('parses headings, lists, quotes and inline marks', () => {
    const blocks = parseMarkdown(
      '# Title\n\nSome **bold** and *em* with `code`.\n\n- one\n- two\n\n> quoted',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'quote']);
    expect(markdownToText('Some **bold** and *em*')).toBe('Some bold and em');
  });

  it('keeps a table row with a missing cell as written, padded to the header', () => {
    const blocks = parseMarkdown('| A | B | C |\n|---|---|---|\n| x | y | |\n| p | q | r |');
    const table = blocks[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toHaveLength(3);
    expect(markdownToText('| A | B |\n|---|---|\n| x | |')).toBe('A | B\nx | ');
  });

  it('treats HTML as literal text and the checker reports it with its place', () => {
    const text = markdownToText('a <script>alert(1)</script> b');
    expect(text).toContain('<script>');
    expect(checkMarkdown('line one\nx <img src=x onerror=alert(1)>')).toEqual([
      expect.objectContaining({ line: 2, column: 3 }),
    ]);
  });

  it('refuses remote images but accepts embedded ones', () => {
    expect(checkMarkdown('![a](https://example.com/a.png)')).toHaveLength(1);
    expect(checkMarkdown('![a](data:image/png;base64,AAAA)')).toHaveLength(0);
  });
});
