/**
 * Renders an Anki card template (`{{Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`,
 * `{{filter:Field}}`, `{{FrontSide}}`, `{{type:Field}}`) with a note's fields, to the HTML a card side
 * shows. Lectern keeps the side's content only: scripts and styles are dropped later with the HTML.
 */

/** What a rendered side holds: its HTML and the field a `{{type:…}}` asks the student to type, if any. */
export interface RenderedSide {
  html: string;
  typeField?: string;
}

const SPECIAL = new Set(['Tags', 'Type', 'Deck', 'Subdeck', 'Card', 'CardFlag', 'FrontSide', 'CardID']);

/** Strips `{{cloze:…}}`-style filters: the field is the last `:`-separated part. */
function fieldName(tag: string): { name: string; filters: string[] } {
  const parts = tag.split(':').map((p) => p.trim());
  const name = parts.pop() ?? '';
  return { name, filters: parts };
}

/**
 * Renders `format` with `fields` (name → HTML). `frontSide` is the rendered front, for a back's
 * `{{FrontSide}}`; `extra` gives `{{Tags}}`, `{{Deck}}` and the like.
 */
export function renderTemplate(
  format: string,
  fields: Map<string, string>,
  frontSide = '',
  extra: Record<string, string> = {},
): RenderedSide {
  const value = (name: string): string => {
    if (name === 'FrontSide') return frontSide;
    if (SPECIAL.has(name)) return extra[name] ?? '';
    return fields.get(name) ?? '';
  };
  const nonEmpty = (name: string) => value(name).replace(/<[^>]*>|&nbsp;|\s/g, '') !== '';
  let html = format;
  // Sections, innermost first: a section's body never holds another opening of the same name.
  for (let guard = 0; guard < 100; guard++) {
    const next = html.replace(
      /\{\{([#^])\s*([^{}]+?)\s*\}\}((?:(?!\{\{[#^]\s*\2\s*\}\})[\s\S])*?)\{\{\/\s*\2\s*\}\}/,
      (_all, kind: string, name: string, body: string) => {
        const shown = nonEmpty(fieldName(name).name);
        return (kind === '#') === shown ? body : '';
      },
    );
    if (next === html) break;
    html = next;
  }
  let typeField: string | undefined;
  html = html.replace(/\{\{\s*([^{}#^/][^{}]*?)\s*\}\}/g, (_all, tag: string) => {
    const { name, filters } = fieldName(tag);
    if (filters.includes('type')) {
      typeField ??= name;
      return '';
    }
    return value(name);
  });
  return typeField === undefined ? { html } : { html, typeField };
}

/**
 * The answer part of a rendered back: what follows `<hr id=answer>` when the back repeats the front,
 * else the whole back with the front removed.
 */
export function answerPart(back: string, front: string): string {
  const hr = /<hr[^>]*\bid\s*=\s*["']?answer["']?[^>]*>/i.exec(back);
  if (hr) return back.slice(hr.index + hr[0].length);
  return front !== '' && back.startsWith(front) ? back.slice(front.length) : back;
}
