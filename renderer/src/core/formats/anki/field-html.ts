/**
 * An Anki field's HTML → Lectern's Markdown subset: text with line breaks (tags dropped, entities
 * decoded, scripts and styles removed), images as `![alt](media:NAME)` references, sounds kept as
 * `[sound:NAME]` — with media names mapped to the names the pack's media carry.
 */
import { decodeEntities, htmlToText } from '../html-text';

/** A field reduced: its text, and the media names its images refer to in order. */
export interface ReducedField {
  text: string;
  /** Image names as the pack's media name them (only those present in `names`). */
  images: string[];
  /** Referenced media (images and sounds) that the package does not hold. */
  missing: string[];
}

const IMG = /<img\b[^>]*?>/gi;
/** `src` and `alt` attribute values, compiled once (a deck has tens of thousands of fields). */
const ATTRS = {
  src: /\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i,
  alt: /\balt\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i,
};
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');

function attr(tag: string, name: keyof typeof ATTRS): string | undefined {
  const m = ATTRS[name].exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? '') : undefined;
}

function decodeName(src: string): string {
  const plain = decodeEntities(src).trim();
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    return plain;
  }
}

/**
 * Reduces `html`. `names` maps an Anki media name to the pack's media name (absent: not in the
 * package). With `inline`, images become `![alt](media:NAME)` in the text; without, they are only
 * listed in `images` (a flashcard side lists its images apart).
 */
export function reduceField(html: string, names: Map<string, string>, inline: boolean): ReducedField {
  const found: { alt: string; name: string }[] = [];
  const missing: string[] = [];
  const marked = !/<img/i.test(html)
    ? html
    : html.replace(IMG, (tag) => {
        const src = attr(tag, 'src');
        if (!src) return '';
        const name = names.get(decodeName(src));
        if (name === undefined) {
          missing.push(decodeName(src));
          return '';
        }
        found.push({
          alt: htmlToText(attr(tag, 'alt') ?? '', true)
            .replace(/[[\]\n]/g, ' ')
            .trim(),
          name,
        });
        return `${MARK_OPEN}${found.length - 1}${MARK_CLOSE}`;
      });
  let text = htmlToText(marked, true);
  if (text.includes('[sound:'))
    text = text.replace(/\[sound:([^\]]+)\]/g, (_whole, raw: string) => {
      const name = names.get(raw.trim());
      if (name === undefined) {
        missing.push(raw.trim());
        return '';
      }
      return `[sound:${name}]`;
    });
  text = text
    .replace(MARK, (_all, i: string) => {
      const img = found[Number(i)];
      return inline && img ? `![${img.alt}](media:${img.name})` : '';
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, images: found.map((f) => f.name), missing };
}
