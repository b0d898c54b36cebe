/**
 * Which reader a pack file needs, from its extension and, for `.txt` and unknown extensions, its content.
 */
import { maskEscapes } from './gift/gift-text';

/** The pack formats Lectern reads. */
export type PackFormat = 'lectern' | 'gift' | 'aiken' | 'delimited';

const BY_EXTENSION: Record<string, PackFormat> = {
  json: 'lectern',
  lectern: 'lectern',
  gift: 'gift',
  aiken: 'aiken',
  csv: 'delimited',
  tsv: 'delimited',
};

const ANKI_HEADER =
  /^#(separator|html|columns|tags|deck|notetype|guid column|deck column|notetype column|tags column):/i;

/** The format named by the file's extension, if the extension names one. */
export function formatFromFileName(name: string): PackFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : BY_EXTENSION[ext];
}

/**
 * Detects the format: the extension decides when it names a format (`.json`, `.gift`, `.csv`, `.tsv`,
 * `.aiken`); otherwise the content does — JSON object, Anki header lines, Aiken `ANSWER:` lines, GIFT
 * answer blocks or titles, tab- or comma-separated rows — and GIFT is the fallback.
 */
export function detectPackFormat(name: string, text: string): PackFormat {
  const byName = formatFromFileName(name);
  if (byName) return byName;
  const head = text.slice(0, 256 * 1024);
  if (/^\s*\{\s*("|\}|$)/.test(head)) return 'lectern';
  if (ANKI_HEADER.test(head)) return 'delimited';
  const lines = head.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('//'));
  const masked = maskEscapes(head);
  const giftBlocks = /\{[^{}]*\}/.test(masked) || /^\s*(::|\$CATEGORY:)/m.test(head);
  const aiken = /^\s*ANSWER\s*:\s*[A-Z]\s*$/m.test(head) && /^\s*[A-Z][.)][ \t]+\S/m.test(head);
  if (aiken && !giftBlocks) return 'aiken';
  if (giftBlocks) return 'gift';
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  const commas = lines.filter((l) => l.includes(',')).length;
  if (lines.length > 0 && (tabbed >= lines.length / 2 || commas >= lines.length * 0.8)) return 'delimited';
  return aiken ? 'aiken' : 'gift';
}
