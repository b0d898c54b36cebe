/**
 * Imported text is never rendered as HTML. These helpers reduce HTML to plain text (line breaks kept,
 * entities decoded) and make text safe to store as a section body in the Markdown subset.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  minus: '−',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  iexcl: '¡',
  iquest: '¿',
  shy: '',
  le: '≤',
  ge: '≥',
  ne: '≠',
  rarr: '→',
  larr: '←',
  harr: '↔',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  micro: 'µ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  pi: 'π',
  sigma: 'σ',
  omega: 'ω',
  mu: 'μ',
  lambda: 'λ',
  theta: 'θ',
};

/** Decodes HTML character references: named (a common subset), decimal and hexadecimal. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g,
    (whole, ref: string) => {
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : whole;
      }
      if (Object.hasOwn(NAMED, ref)) return NAMED[ref] ?? whole;
      const accented = /^([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring)$/.exec(ref);
      if (accented) {
        const marks: Record<string, string> = {
          acute: '\u0301',
          grave: '\u0300',
          circ: '\u0302',
          uml: '\u0308',
          tilde: '\u0303',
          cedil: '\u0327',
          ring: '\u030a',
        };
        return `${accented[1]}${marks[accented[2] ?? ''] ?? ''}`.normalize('NFC');
      }
      return whole;
    },
  );
}

const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** True when `text` contains something that looks like an HTML tag or comment. */
export function hasHtml(text: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(text) || text.includes('<!--');
}

/**
 * HTML → plain text. With `collapse` (real HTML) runs of whitespace become one space and only `<br>`,
 * block ends and list items break lines; without it (Moodle's auto-format) source newlines are kept.
 */
export function htmlToText(html: string, collapse: boolean): string {
  let s = html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, '');
  if (collapse) s = s.replace(/\s+/g, ' ');
  s = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(p|div|h[1-6]|ul|ol|tr|table|blockquote|pre|section|article)\b[^>]*>/gi, '\n')
    .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
    .replace(TAG, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Makes text safe as a Markdown section body, which may hold no raw HTML and no remote images: tags left
 * in the text are shown literally with look-alike angle quotes (‹b›), and remote images become their
 * alt text. Returns whether anything had to change.
 */
export function toSafeMarkdownBody(text: string): { text: string; changed: boolean } {
  let changed = false;
  let s = text.replace(/!\[([^\]]*)\]\(\s*([^)\s]*)[^)]*\)?/g, (whole, alt: string, src: string) => {
    if (/^data:image\/(png|jpeg|gif|webp);base64,/i.test(src)) return whole;
    changed = true;
    return alt;
  });
  s = s.replace(TAG, (tag) => {
    changed = true;
    return `‹${tag.slice(1, -1)}›`;
  });
  if (s.includes('<!--')) {
    changed = true;
    s = s.replaceAll('<!--', '‹!--');
  }
  return { text: s, changed };
}
