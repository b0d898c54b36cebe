/**
 * Which reader a pack file needs, from its extension and, for `.txt` and unknown extensions, its content.
 */
import { maskEscapes } from './gift/gift-text';

/** The pack formats Lectern reads. */
export type PackFormat = 'lectern' | 'gift' | 'aiken' | 'delimited' | 'moodlexml' | 'anki';

const BY_EXTENSION: Record<string, PackFormat> = {
  json: 'lectern',
  lectern: 'lectern',
  gift: 'gift',
  aiken: 'aiken',
  csv: 'delimited',
  tsv: 'delimited',
  xml: 'moodlexml',
  apkg: 'anki',
  colpkg: 'anki',
};

const ANKI_HEADER =
  /^#(separator|html|columns|tags|deck|notetype|guid column|deck column|notetype column|tags column):/i;

/**
 * What a GIFT answer block holds: nothing (essay), true/false, a numeric `#…`, answers marked `=`/`~`,
 * or Moodle's embedded answers `{1:MC:…}`. `{x}` in LaTeX or `{{c1::…}}` in an Anki cloze is not one.
 */
const GIFT_BLOCK =
  /(?<!\{)\{(?!\{)\s*(\}|(T|F|TRUE|FALSE)\s*(#[^}]*)?\}|#[^}]*\}|[=~][^}]*\}|\d*:(MC|MCV|MCH|MCS|MCVS|MCHS|SA|SHORTANSWER|MW|NM|NUMERICAL|MULTICHOICE\w*|SHORTANSWER_C):)/i;

/** The format named by the file's extension, if the extension names one. */
export function formatFromFileName(name: string): PackFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : BY_EXTENSION[ext];
}

/**
 * True when the file is an Anki package (`.apkg`/`.colpkg`): by extension, or a zip whose first entry
 * names are Anki's. Such files are bytes, read by `readAnkiPackage`, never decoded as text.
 */
export function isAnkiPackage(name: string, bytes: Uint8Array): boolean {
  if (formatFromFileName(name) === 'anki') return true;
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return false;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return head.includes('collection.anki');
}

/** True when the text has GIFT structure: an answer block, a `::title::` or a `$CATEGORY:` line. */
export function hasGiftStructure(text: string): boolean {
  if (/^\s*(::[^\n]*?::|\$CATEGORY:)/m.test(text)) return true;
  return GIFT_BLOCK.test(maskEscapes(text));
}

/**
 * Detects the format: the extension decides when it names a format (`.json`, `.gift`, `.csv`, `.tsv`,
 * `.aiken`, `.xml`); otherwise the content does — a JSON object; a Moodle XML `<quiz>`; Anki header lines (or the old `tags:` first
 * line); GIFT structure (answer blocks, titles, categories); Aiken `ANSWER:` lines after `A.` options.
 * Anything else is delimited text, as Anki reads any text file (its separator found as Anki finds it):
 * no file without GIFT structure is read as GIFT.
 */
export function detectPackFormat(name: string, text: string): PackFormat {
  const byName = formatFromFileName(name);
  if (byName) return byName;
  const head = text.slice(0, 256 * 1024);
  if (/^\s*\{\s*("|\}|$)/.test(head)) return 'lectern';
  if (/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<quiz[\s>/]/.test(head)) return 'moodlexml';
  if (head.startsWith('tags:') || ANKI_HEADER.test(head)) return 'delimited';
  const aiken = /^\s*ANSWER\s*:\s*[A-Z]\s*$/m.test(head) && /^\s*[A-Z][.)]\s*\S/m.test(head);
  if (hasGiftStructure(head)) return 'gift';
  if (aiken) return 'aiken';
  return 'delimited';
}
