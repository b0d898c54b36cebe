/**
 * Text normalization for grading typed answers: what a teacher would not count against a student
 * (case, accents, punctuation, spacing) is removed before comparing.
 */

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`´]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Removes accents and other combining marks (NFKD, so ligatures and full-width forms fold too). */
export function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '');
}

/**
 * Normalizes an answer for comparison: accents stripped, lower case, `&` read as "and", apostrophes
 * dropped ("OpenAI's" → "openais"), every other run of punctuation or space turned into one space,
 * trimmed. `normalizeAnswer("  Café-Crème & Co. ")` is `"cafe creme and co"`.
 */
export function normalizeAnswer(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** {@link normalizeAnswer} without any spaces, so "Open AI", "open-ai" and "OpenAI" compare equal. */
export function compactAnswer(text: string): string {
  return normalizeAnswer(text).replace(/ /g, '');
}

/** Drops one leading article ("the", "a", "an") from a normalized answer, unless that is all of it. */
export function dropLeadingArticle(normalized: string): string {
  const m = /^(?:the|a|an) (.+)$/.exec(normalized);
  return m?.[1] ?? normalized;
}
