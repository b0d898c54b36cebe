/**
 * The single entry point that turns untrusted pack JSON into a `Pack`: schema checks (zod), then the
 * cross-references zod cannot express. Never throws on user content; reports every problem at once.
 */
import { type Diagnostic, type PackResult, lineColumnAt } from './diagnostics';
import { type Pack, packSchema } from './schema';
import { checkMarkdown } from '../markdown/check';

/** The largest pack file Lectern reads (bytes of UTF-8 text); larger files are refused before parsing. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;

/** Parses pack JSON text: syntax, schema and references. */
export function parsePackJson(source: string): PackResult<Pack> {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [jsonSyntaxDiagnostic(text, err)] };
  }
  return validatePack(data);
}

/** Validates an already-parsed value as a pack. */
export function validatePack(data: unknown): PackResult<Pack> {
  const parsed = packSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ message: i.message, path: i.path.map(pathPart) })),
    };
  }
  const issues = checkReferences(parsed.data);
  const errors = issues.filter((i) => i.severity !== 'warning');
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, pack: parsed.data, warnings: issues };
}

function pathPart(p: PropertyKey): string | number {
  return typeof p === 'number' ? p : String(p);
}

function jsonSyntaxDiagnostic(text: string, err: unknown): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(message);
  const lc = /line (\d+) column (\d+)/.exec(message);
  const clean = `invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '')}`;
  if (lc) return { message: clean, line: Number(lc[1]), column: Number(lc[2]) };
  if (pos) return { message: clean, ...lineColumnAt(text, Number(pos[1])) };
  return { message: clean, ...lineColumnAt(text, text.length) };
}

/** Uniqueness of ids, resolvable section references, and per-type rules zod cannot express. */
export function checkReferences(pack: Pack): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const chapterIds = new Set<string>();
  const sectionIds = new Set<string>();
  pack.chapters.forEach((chapter, ci) => {
    if (chapterIds.has(chapter.id))
      issues.push({ message: `duplicate chapter id "${chapter.id}"`, path: ['chapters', ci, 'id'] });
    chapterIds.add(chapter.id);
    chapter.sections.forEach((section, si) => {
      const path = ['chapters', ci, 'sections', si];
      if (sectionIds.has(section.id))
        issues.push({ message: `duplicate section id "${section.id}"`, path: [...path, 'id'] });
      sectionIds.add(section.id);
      for (const d of checkMarkdown(section.body)) issues.push({ ...d, path: [...path, 'body'] });
    });
  });
  const questionIds = new Set<string>();
  pack.questions.forEach((q, qi) => {
    const path = ['questions', qi];
    if (questionIds.has(q.id)) issues.push({ message: `duplicate question id "${q.id}"`, path: [...path, 'id'] });
    questionIds.add(q.id);
    if (!sectionIds.has(q.section))
      issues.push({ message: `section "${q.section}" does not exist in this pack`, path: [...path, 'section'] });
    switch (q.type) {
      case 'multiple-choice':
        if (!q.choices.some((c) => c.correct))
          issues.push({ message: 'no choice is marked correct', path: [...path, 'choices'] });
        break;
      case 'typed':
        if (q.accept.length === 0 && !q.numeric)
          issues.push({ message: 'needs at least one accepted answer or a numeric answer', path: [...path, 'accept'] });
        break;
      case 'cloze':
        if (!/\{\{c\d+::[^}]+\}\}/.test(q.text))
          issues.push({ message: 'has no deletion like {{c1::answer}}', path: [...path, 'text'] });
        break;
      case 'matching': {
        const lefts = new Set(q.pairs.map((p) => p.left.trim().toLowerCase()));
        if (lefts.size !== q.pairs.length)
          issues.push({ message: 'two pairs have the same left side', path: [...path, 'pairs'] });
        break;
      }
      default:
        break;
    }
  });
  const discussionIds = new Set<string>();
  pack.discussions.forEach((d, di) => {
    if (discussionIds.has(d.id))
      issues.push({ message: `duplicate discussion id "${d.id}"`, path: ['discussions', di, 'id'] });
    discussionIds.add(d.id);
    d.sections.forEach((s, si) => {
      if (!sectionIds.has(s))
        issues.push({ message: `section "${s}" does not exist in this pack`, path: ['discussions', di, 'sections', si] });
    });
  });
  return issues;
}
