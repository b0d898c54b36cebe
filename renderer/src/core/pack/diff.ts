/**
 * What a pack update does to a student's progress.
 *
 * **The rule.** Questions are matched by `id` (GIFT `[id:…]`, the GUID column of an Anki export, or the
 * id in Lectern JSON; ids derived from a hash of the question's wording when a file has none).
 * - A question whose id is new is **added** and starts as new.
 * - A question whose id is gone is **removed**: it leaves the study queue, but its review history is kept.
 * - A question whose id is present in both and that is identical is **unchanged**: its progress is kept.
 * - A question that differs is **changed**. If only its wording changed — the prompt, front, explanation,
 *   hint, evidence, tags, feedback, section, choice order or a unit label — its progress is **kept**.
 *   If what makes an answer correct changed (see {@link answerHash}: the correct choices or their credit,
 *   the accepted answers, the numeric value or tolerance, cloze deletions, matching pairs, the order of
 *   ordering items, the back of a flashcard, the true/false answer, or the question's type), the card
 *   **starts over**: a student's memory of the old answer is no evidence they know the new one.
 */
import { canonicalJson, hashHex } from './hash';
import type { Question } from './schema';

/** A question present in both versions whose content differs. */
export interface QuestionChange {
  id: string;
  before: Question;
  after: Question;
  /** True when the correct answer changed: progress on this question starts over. */
  answerChanged: boolean;
}

/** The summary shown before an update is applied. Lists keep the order of the pack they come from. */
export interface PackDiff {
  added: Question[];
  changed: QuestionChange[];
  removed: Question[];
  unchanged: Question[];
}

/** Compares two versions of a pack's questions by id (see the module comment for the rule). */
export function diffPacks(oldQuestions: readonly Question[], newQuestions: readonly Question[]): PackDiff {
  const before = new Map<string, Question>();
  for (const q of oldQuestions) before.set(q.id, q);
  const seen = new Set<string>();
  const diff: PackDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const q of newQuestions) {
    seen.add(q.id);
    const old = before.get(q.id);
    if (!old) diff.added.push(q);
    else if (canonicalJson(old) === canonicalJson(q)) diff.unchanged.push(q);
    else
      diff.changed.push({
        id: q.id,
        before: old,
        after: q,
        answerChanged: answerHash(old) !== answerHash(q),
      });
  }
  for (const q of oldQuestions) if (!seen.has(q.id)) diff.removed.push(q);
  return diff;
}

/** Whitespace-insensitive form of an answer text: NFC, runs of whitespace as one space, trimmed. */
function norm(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function sorted(values: string[]): string[] {
  return [...values].sort();
}

/** The deletions of a cloze text as `[number, sorted alternatives]`, in order; hints are not answers. */
function clozeDeletions(text: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  for (const m of text.matchAll(/\{\{c(\d+)::(.*?)\}\}/gs)) {
    const body = (m[2] ?? '').split('::')[0] ?? '';
    out.push([Number(m[1]), sorted(body.split('|').map(norm))]);
  }
  return out;
}

/** The part of a question that decides which answers are correct, as plain data. */
function answerKey(q: Question): unknown {
  switch (q.type) {
    case 'flashcard':
      return norm(q.back);
    case 'multiple-choice':
      return sorted(
        q.choices.map((c) => JSON.stringify([norm(c.text), c.correct, c.credit ?? (c.correct ? 100 : 0)])),
      );
    case 'true-false':
      return q.answer;
    case 'typed': {
      const key: Record<string, unknown> = {
        accept: sorted(q.accept.map(norm)),
        numeric: q.numeric ? [q.numeric.value, q.numeric.tolerance ?? 0] : null,
      };
      // Only when present, so questions without graded answers keep the hash they always had.
      if (q.answers)
        key.answers = q.answers.map((a) => [
          a.text === undefined ? null : norm(a.text),
          a.numeric ? [a.numeric.value, a.numeric.tolerance ?? 0] : null,
          a.credit,
        ]);
      return key;
    }
    case 'cloze':
      return clozeDeletions(q.text);
    case 'matching':
      return sorted(q.pairs.map((p) => JSON.stringify([norm(p.left), norm(p.right)])));
    case 'ordering':
      return q.items.map(norm);
  }
}

/**
 * A stable hash of what makes an answer to `q` correct: its type plus the choices' text, correctness and
 * credit; the accepted answers; the numeric value and tolerance; graded answers with their credit, in
 * order; the cloze deletions (a choice blank's options too); the matching pairs;
 * the ordering items in order; the flashcard back; the true/false answer. Not the prompt wording,
 * explanation, hint, feedback, tags, section or unit label. Whitespace runs and Unicode normalisation do
 * not count; letter case does.
 */
export function answerHash(q: Question): string {
  return hashHex(canonicalJson([q.type, answerKey(q)]), 24);
}
