/**
 * Cloze deletions, Anki style: `{{c1::answer}}`, `{{c1::answer|alternative}}`,
 * `{{c1::answer::hint}}` (and `{{c1::a|b::hint}}`). Each deletion is one blank, graded on its own.
 * A choice blank lists options to pick from, the wrong ones marked with `~`: `{{c1::~a|an|~the}}`.
 */

/** One blank of a cloze text, in reading order. */
export interface ClozeDeletion {
  /** 0-based position among the deletions of the text. */
  index: number;
  /** The N of `cN`. */
  group: number;
  /** Accepted answers (the first is the one shown), trimmed, empty ones dropped. */
  answers: string[];
  /** A choice blank's options in the order written (right and wrong ones); absent for a typed blank. */
  options?: string[];
  hint?: string;
}

/** A cloze text cut into plain text and blanks. */
export type ClozeSegment = { kind: 'text'; text: string } | { kind: 'blank'; deletion: ClozeDeletion };

/** The parts of a cloze text. */
export interface ParsedCloze {
  segments: ClozeSegment[];
  deletions: ClozeDeletion[];
}

const DELETION = /\{\{c(\d{1,3})::([\s\S]*?)\}\}/g;

/** Splits a cloze text into text and blanks. Text without deletions is one text segment. */
export function parseCloze(text: string): ParsedCloze {
  const segments: ClozeSegment[] = [];
  const deletions: ClozeDeletion[] = [];
  let last = 0;
  for (const m of text.matchAll(DELETION)) {
    const at = m.index ?? 0;
    if (at > last) segments.push({ kind: 'text', text: text.slice(last, at) });
    const body = m[2] ?? '';
    const sep = body.indexOf('::');
    const answerPart = sep === -1 ? body : body.slice(0, sep);
    const hint = sep === -1 ? '' : body.slice(sep + 2).trim();
    const alternatives = answerPart
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a.length > 0);
    const deletion: ClozeDeletion = {
      index: deletions.length,
      group: Number(m[1]),
      answers: alternatives,
    };
    if (alternatives.some((a) => a.startsWith('~'))) {
      const options = alternatives.map((a) => (a.startsWith('~') ? a.slice(1).trim() : a)).filter(Boolean);
      deletion.options = [...new Set(options)];
      deletion.answers = alternatives.filter((a) => !a.startsWith('~'));
    }
    if (hint !== '') deletion.hint = hint;
    deletions.push(deletion);
    segments.push({ kind: 'blank', deletion });
    last = at + m[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return { segments, deletions };
}

/**
 * The cloze text with every blank replaced: by its first answer (`'answer'`, the default), or by
 * `[hint]` / `[…]` (`'blank'`), as shown before answering.
 */
export function renderCloze(parsed: ParsedCloze, mode: 'answer' | 'blank' = 'answer'): string {
  return parsed.segments
    .map((s) => {
      if (s.kind === 'text') return s.text;
      if (mode === 'answer') return s.deletion.answers[0] ?? '…';
      return `[${s.deletion.hint ?? '…'}]`;
    })
    .join('');
}
