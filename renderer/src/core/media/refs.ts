/** The media files a pack's text refers to, and the references that name no file of the pack. */
import type { Diagnostic } from '../pack/diagnostics';
import { mediaNameOf, SOUND_REF } from '../pack/media';
import type { Pack } from '../pack/schema';

/** One reference: the file name, the JSON path of the field, and how it is used. */
export interface MediaRef {
  name: string;
  path: (string | number)[];
  kind: 'image' | 'sound' | 'side-image';
}

const IMAGE_SRC = /!\[[^\]]*\]\(\s*([^)\s]*)/g;

function refsInText(text: string, path: (string | number)[], out: MediaRef[]): void {
  if (!text.includes('media:') && !text.includes('[sound:')) return;
  for (const m of text.matchAll(IMAGE_SRC)) {
    const name = mediaNameOf(m[1] ?? '');
    if (name !== null) out.push({ name, path, kind: 'image' });
  }
  for (const m of text.matchAll(SOUND_REF)) out.push({ name: (m[1] ?? '').trim(), path, kind: 'sound' });
}

function walk(value: unknown, path: (string | number)[], out: MediaRef[]): void {
  if (typeof value === 'string') refsInText(value, path, out);
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) walk(value[i], [...path, i], out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'frontImages' || k === 'backImages') && Array.isArray(v))
        v.forEach((name, i) => {
          if (typeof name === 'string') out.push({ name, path: [...path, k, i], kind: 'side-image' });
        });
      else walk(v, [...path, k], out);
    }
}

/** Every media reference in the pack's chapters, questions and discussions. */
export function collectMediaRefs(pack: Pack): MediaRef[] {
  const out: MediaRef[] = [];
  walk(pack.chapters, ['chapters'], out);
  walk(pack.questions, ['questions'], out);
  walk(pack.discussions ?? [], ['discussions'], out);
  return out;
}

/**
 * Errors for `media:NAME` images and `[sound:NAME]` sounds whose file the pack does not carry.
 * A flashcard side's `frontImages`/`backImages` naming an absent file is not one: packs read from
 * text exports list their images without the files (shown as `[image: NAME]`).
 */
export function checkMediaRefs(pack: Pack, names: ReadonlySet<string>): Diagnostic[] {
  const issues: Diagnostic[] = [];
  for (const ref of collectMediaRefs(pack)) {
    if (ref.kind === 'side-image' || names.has(ref.name)) continue;
    issues.push({
      path: ref.path,
      message: `${ref.kind === 'sound' ? 'sound' : 'image'} "${ref.name}" is not among the pack's media files${names.size === 0 ? ' (this pack carries none: a pack with media is a .lectern file, or a JSON file checked with its media files beside it)' : ''}`,
    });
  }
  return issues;
}
