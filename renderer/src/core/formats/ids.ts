/** Stable ids for imported content: valid ids are kept, anything else is made valid deterministically. */
import { hashHex } from '../pack/hash';

const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

/** A readable id fragment: lower case, accents dropped, other characters as "-"; at most `max` long. */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/**
 * An author's id (GIFT `[id:…]`, an Anki GUID) as a Lectern id: unchanged when already valid, otherwise
 * a readable slug plus a hash of the original, so the same input always gives the same id and two
 * different inputs practically never collide.
 */
export function toLecternId(raw: string): string {
  const trimmed = raw.trim();
  if (VALID_ID.test(trimmed)) return trimmed;
  const slug = slugify(trimmed, 40);
  return `${slug || 'id'}-${hashHex(trimmed, 10)}`;
}

/** An id derived from content when the author gave none: `prefix-` + 12 hex digits of a hash. */
export function deriveId(prefix: string, content: string): string {
  return `${prefix}-${hashHex(content, 12)}`;
}

/**
 * A pack id and title from a file name: "My Quiz (v2).gift" → "my-quiz-v2" and "My Quiz (v2)". With
 * `format`, the id names it too ("my-quiz-v2.csv"), so that files of different formats sharing a base
 * name are different packs; a slug never holds a ".", so such an id cannot meet one without.
 */
export function packNameFromFile(name: string, format?: string): { id: string; title: string } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const title = base.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim() || 'Imported pack';
  const slug = slugify(title) || 'pack';
  return { id: format ? `${slug}.${format}` : slug, title };
}
