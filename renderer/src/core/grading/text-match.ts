/**
 * Matching one typed answer against the accepted ones, the way a teacher marks a short answer:
 * equal after normalization (case, accents, punctuation, spacing, a leading article), or the same
 * quantity by value, or the same words with a small typo in a long word (counted right, flagged).
 */
import { dropLeadingArticle, normalizeAnswer } from './normalize';
import { isNumberWord, isOtherCurrency, isSameQuantity, parseQuantity } from './numbers';
import { computeEditDistance, computeTypoAllowance, mayBeTypo } from './typo';

/** How a typed answer matched: by text, by numeric value, with a typo, or not at all. */
export type MatchKind = 'text' | 'number' | 'typo' | null;

/** The result of {@link matchTypedAnswer}. */
export interface TextMatch {
  correct: boolean;
  /** True when the answer only counted thanks to typo tolerance. */
  typo: boolean;
  by: MatchKind;
  /** The accepted answer it matched (or the closest one tried first when it matched none). */
  expected: string;
}

/** What a typed answer is checked against. */
export interface TextExpectation {
  /** Accepted answers; the first is shown as the expected one. */
  accept: readonly string[];
  /** A number the answer may match by value instead. */
  numeric?: { value: number; tolerance?: number; unit?: string } | undefined;
  /** Whether small typos in long words count (default true). */
  allowTypos?: boolean | undefined;
}

/**
 * {@link dropLeadingArticle}, except before a scale word: "a billion" means one billion, so it is not
 * "billion".
 */
function dropArticle(normalized: string): string {
  if (/^an? /.test(normalized) && isNumberWord(normalized.split(' ')[1] ?? '')) return normalized;
  return dropLeadingArticle(normalized);
}

function isTypoOf(given: string, expected: string, asksForNumber: boolean): boolean {
  const g = given.split(' ');
  const e = expected.split(' ');
  if (g.length !== e.length) return false;
  let typos = 0;
  for (let i = 0; i < e.length; i++) {
    const ew = e[i] as string;
    const gw = g[i] as string;
    if (ew === gw) continue;
    const allowance = computeTypoAllowance(ew);
    if (allowance === 0 || !mayBeTypo(gw, ew, { asksForNumber, isNumberWord })) return false;
    if (computeEditDistance(gw, ew, allowance) > allowance) return false;
    typos++;
  }
  return typos > 0;
}

/**
 * Checks `given` against the accepted answers and the numeric answer. Order of tests: text equality
 * (compact: spaces ignored), then value (when both sides read as quantities; a different value is
 * wrong, never a typo), then typos word by word. An amount in another currency than the accepted
 * answer's (or the numeric unit's) never matches it: "£1bn" and "1 billion euros" are not "$1 billion".
 * Never throws; an empty answer is wrong.
 */
export function matchTypedAnswer(given: string, expect: TextExpectation): TextMatch {
  const shown = expect.accept[0] ?? (expect.numeric ? String(expect.numeric.value) : '');
  const wrong: TextMatch = { correct: false, typo: false, by: null, expected: shown };
  const g = dropArticle(normalizeAnswer(given));
  if (g === '') return wrong;
  const unit = expect.numeric?.unit;
  const accept = expect.accept.filter((a) => !isOtherCurrency(given, a, unit));
  const gCompact = g.replace(/ /g, '');
  for (const a of accept) {
    if (dropArticle(normalizeAnswer(a)).replace(/ /g, '') === gCompact) {
      return { correct: true, typo: false, by: 'text', expected: a };
    }
  }
  const gValue = parseQuantity(given, unit);
  const expectsNumber =
    expect.numeric !== undefined || expect.accept.some((a) => parseQuantity(a, unit) !== null);
  if (gValue !== null) {
    if (
      expect.numeric &&
      !isOtherCurrency(given, undefined, unit) &&
      isSameQuantity(gValue, expect.numeric.value, expect.numeric.tolerance ?? 0)
    ) {
      return { correct: true, typo: false, by: 'number', expected: shown };
    }
    for (const a of accept) {
      const aValue = parseQuantity(a, unit);
      if (aValue !== null && isSameQuantity(gValue, aValue, expect.numeric?.tolerance ?? 0)) {
        return { correct: true, typo: false, by: 'number', expected: a };
      }
    }
  }
  // A number is right or wrong by value; typo tolerance would let "2018" or "1 million" through.
  if (expect.allowTypos === false || (gValue !== null && expectsNumber)) return wrong;
  const gRaw = normalizeAnswer(given);
  for (const a of accept) {
    const aRaw = normalizeAnswer(a);
    // Both led by an article ("a millon" for "a million"): compare what follows it, so a typo in the
    // number word does not keep the article on one side only. Otherwise "millon" stays short of "a million".
    const both = /^an? /.test(gRaw) && /^an? /.test(aRaw);
    const gWords = both ? dropLeadingArticle(gRaw) : g;
    const aNorm = both ? dropLeadingArticle(aRaw) : dropArticle(aRaw);
    if (aNorm !== '' && isTypoOf(gWords, aNorm, expect.numeric !== undefined))
      return { correct: true, typo: true, by: 'typo', expected: a };
  }
  return wrong;
}
