/**
 * Media carried by a pack: images (PNG, JPEG, GIF, WebP, SVG) and audio, as bytes beside the pack's
 * JSON. Every format reader that finds media (Anki packages, Moodle XML `<file encoding="base64">`,
 * `.lectern` zips) returns it in this shape; the pack's text refers to a file by its `name`:
 * - an image in any Markdown field (section body, prompt, choice, explanation, flashcard side):
 *   `![alt](media:NAME)`;
 * - a flashcard side's images: `frontImages` / `backImages` list NAMEs;
 * - audio anywhere in a Markdown field: `[sound:NAME]` (as Anki writes it).
 */

/** One media file of a pack. `name` is unique within the pack. */
export interface PackMedia {
  /** File name as the pack refers to it: no `/`, `\`, NUL or leading dot; at most 255 characters. */
  name: string;
  /** MIME type sniffed from the bytes (not trusted from the name), e.g. `image/png`, `audio/mpeg`. */
  type: string;
  bytes: Uint8Array;
}

/** Whether `name` is acceptable as a media file name (see {@link PackMedia.name}). */
export function isMediaName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    !name.startsWith('.') &&
    !/[/\\]/.test(name) &&
    !name.includes('\0')
  );
}

/** The reference an image in a Markdown field uses: `![alt](media:NAME)`. */
export const MEDIA_URL_PREFIX = 'media:';
