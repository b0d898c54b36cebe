/**
 * The single entry point that turns untrusted pack JSON into a `Pack`: schema checks (zod), then the
 * cross-references zod cannot express. Never throws on user content; reports every problem at once.
 */

import { describeError } from '../describe-error';
import { checkMarkdown } from '../markdown/check';
import { cleanPackTitles } from './clean-title';
import type { Diagnostic, PackResult } from './diagnostics';
import { locateJsonPaths, offsetInJsonString } from './json-locate';
import { findJsonSyntaxError } from './json-syntax';
import { createLineIndex } from './line-index';
import { type Pack, packSchema, QUESTION_TYPES } from './schema';

/**
 * The largest pack file Lectern reads: 64 MiB (67,108,864 bytes of file, before decoding). Larger files
 * are refused before parsing, with a message giving the file's size and this limit.
 */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;

/**
 * Parses pack JSON text: syntax, schema and references. Every diagnostic carries the 1-based
 * `line`/`column` of the offending value (of the property name for unknown properties; of the nearest
 * existing parent for missing ones) and, for schema problems, its JSON `path` too.
 */
export function parsePackJson(source: string): PackResult<Pack> {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [jsonSyntaxDiagnostic(text, err)] };
  }
  const result = validatePack(data);
  if (result.ok && result.warnings.length === 0) return result;
  const placed = placeJsonDiagnostics(text, data, result.ok ? result.warnings : result.issues);
  return result.ok ? { ...result, warnings: placed } : { ok: false, issues: placed };
}

/** Diagnostics about unknown properties: placed at the property name rather than its value. */
const UNKNOWN_PROPERTY = new WeakSet<Diagnostic>();

/** Adds line and column (from the JSON text) to diagnostics that carry a JSON path. */
function placeJsonDiagnostics(text: string, data: unknown, issues: readonly Diagnostic[]): Diagnostic[] {
  const lines = createLineIndex(text);
  const located = locateJsonPaths(
    text,
    issues.map((d) => d.path ?? []),
  );
  return issues
    .map((d, k) => {
      const loc = located[k];
      if (!d.path || !loc) return d;
      let offset = loc.offset;
      if (UNKNOWN_PROPERTY.has(d) && loc.keyOffset !== undefined) offset = loc.keyOffset;
      else if (d.line !== undefined && loc.matched === d.path.length && text[loc.offset] === '"') {
        // A problem inside a string (e.g. raw HTML in a Markdown body) is placed inside the literal.
        const value = valueAtPath(data, d.path);
        const inner = typeof value === 'string' ? offsetOfLineColumn(value, d.line, d.column ?? 1) : 0;
        offset = offsetInJsonString(text, loc.offset, inner);
      }
      return { ...d, ...lines.locate(offset) };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function offsetOfLineColumn(body: string, line: number, column: number): number {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const nl = body.indexOf('\n', i);
    if (nl === -1) break;
    i = nl + 1;
  }
  return i + column - 1;
}

/**
 * Validates an already-parsed value as a pack: zod schema, then {@link checkReferences}. Diagnostics carry
 * JSON paths; unknown properties are reported one by one with the property in the path.
 */
export function validatePack(data: unknown): PackResult<Pack> {
  const parsed = packSchema.safeParse(data);
  if (!parsed.success) {
    const issues: Diagnostic[] = [];
    for (const i of parsed.error.issues) {
      const path = i.path.map(pathPart);
      if (i.code === 'unrecognized_keys') {
        for (const key of i.keys) {
          const d: Diagnostic = { message: `unknown property "${key}"`, path: [...path, key] };
          UNKNOWN_PROPERTY.add(d);
          issues.push(d);
        }
      } else if (i.code === 'invalid_union' && path[path.length - 1] === 'type' && 'discriminator' in i) {
        const got = valueAtPath(data, path);
        issues.push({
          message: `unknown question type ${JSON.stringify(got)}: expected one of ${QUESTION_TYPES.join(', ')}`,
          path,
        });
      } else if (i.code === 'invalid_type' && isMissing(data, path)) {
        issues.push({ message: `required property "${String(path[path.length - 1])}" is missing`, path });
      } else issues.push({ message: i.message, path });
    }
    return { ok: false, issues: [...issues, ...checkReferences(data as Pack)] };
  }
  const issues = checkReferences(parsed.data);
  const errors = issues.filter((i) => i.severity !== 'warning');
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, pack: cleanPackTitles(parsed.data), warnings: issues };
}

function pathPart(p: PropertyKey): string | number {
  return typeof p === 'number' ? p : String(p);
}

function valueAtPath(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function isMissing(data: unknown, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAtPath(data, path.slice(0, -1));
  const key = path[path.length - 1];
  return (
    parent !== null &&
    typeof parent === 'object' &&
    !Array.isArray(parent) &&
    !Object.hasOwn(parent, String(key))
  );
}

function jsonSyntaxDiagnostic(text: string, err: unknown): Diagnostic {
  const found = findJsonSyntaxError(text);
  if (found)
    return { message: `invalid JSON: ${found.message}`, ...createLineIndex(text).locate(found.offset) };
  // The engine refused text our scanner accepts (should not happen): report its words at the end.
  const message = describeError(err);
  return { message: `invalid JSON: ${message}`, ...createLineIndex(text).locate(text.length) };
}

type Loose = Record<string, unknown>;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function record(value: unknown): Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Uniqueness of ids, resolvable section references, and per-type rules zod cannot express. Tolerates
 * malformed input (anything not shaped as expected is skipped), so it also runs on packs the schema
 * rejected and every problem is reported at once.
 */
export function checkReferences(pack: Pack): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const root = record(pack);
  const chapterIds = new Set<string>();
  const sectionIds = new Set<string>();
  // Paths are built only for problems: this runs on every question of 100k-question packs.
  const unique = (
    seen: Set<string>,
    id: string | undefined,
    what: string,
    path: () => (string | number)[],
  ) => {
    if (id === undefined) return;
    if (seen.has(id)) issues.push({ message: `duplicate ${what} id "${id}"`, path: path() });
    seen.add(id);
  };
  list(root.chapters).forEach((c, ci) => {
    const chapter = record(c);
    unique(chapterIds, text(chapter.id), 'chapter', () => ['chapters', ci, 'id']);
    list(chapter.sections).forEach((sec, si) => {
      const section = record(sec);
      const path = ['chapters', ci, 'sections', si];
      unique(sectionIds, text(section.id), 'section', () => [...path, 'id']);
      const body = text(section.body);
      if (body !== undefined)
        for (const d of checkMarkdown(body)) issues.push({ ...d, path: [...path, 'body'] });
    });
  });
  const questionIds = new Set<string>();
  const questions = list(root.questions);
  for (let qi = 0; qi < questions.length; qi++) {
    const q = record(questions[qi]);
    const at = (field: string) => ['questions', qi, field];
    unique(questionIds, text(q.id), 'question', () => at('id'));
    const section = text(q.section);
    if (section !== undefined && !sectionIds.has(section))
      issues.push({ message: `section "${section}" does not exist in this pack`, path: at('section') });
    switch (q.type) {
      case 'multiple-choice':
        if (Array.isArray(q.choices) && !q.choices.some((c) => record(c).correct === true))
          issues.push({ message: 'no choice is marked correct', path: at('choices') });
        break;
      case 'typed':
        if (
          Array.isArray(q.accept) &&
          q.accept.length === 0 &&
          q.numeric === undefined &&
          !list(q.answers).some((a) => Number(record(a).credit) > 0)
        )
          issues.push({
            message: 'needs at least one accepted answer, a numeric answer or an answer with credit',
            path: at('accept'),
          });
        break;
      case 'cloze': {
        const cloze = text(q.text);
        if (cloze !== undefined && !/\{\{c\d+::[^}]+\}\}/.test(cloze))
          issues.push({ message: 'has no deletion like {{c1::answer}}', path: at('text') });
        // A choice blank {{c1::~a|b}} needs a right option (one not marked "~").
        for (const m of (cloze ?? '').matchAll(/\{\{c\d+::([\s\S]*?)\}\}/g)) {
          const options =
            (m[1] ?? '')
              .split('::')[0]
              ?.split('|')
              .map((o) => o.trim()) ?? [];
          if (options.some((o) => o.startsWith('~')) && !options.some((o) => o !== '' && !o.startsWith('~')))
            issues.push({
              message: `the choice blank ${m[0]} has no right option (one without "~")`,
              path: at('text'),
            });
        }
        break;
      }
      case 'matching': {
        const lefts = list(q.pairs).map((p) => text(record(p).left)?.trim().toLowerCase());
        if (new Set(lefts).size !== lefts.length)
          issues.push({ message: 'two pairs have the same left side', path: at('pairs') });
        break;
      }
      default:
        break;
    }
  }
  const discussionIds = new Set<string>();
  list(root.discussions).forEach((item, di) => {
    const d = record(item);
    unique(discussionIds, text(d.id), 'discussion', () => ['discussions', di, 'id']);
    list(d.sections).forEach((s, si) => {
      if (typeof s === 'string' && !sectionIds.has(s))
        issues.push({
          message: `section "${s}" does not exist in this pack`,
          path: ['discussions', di, 'sections', si],
        });
    });
  });
  return issues;
}
