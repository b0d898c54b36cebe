/**
 * Typo tolerance: optimal-string-alignment Damerau–Levenshtein distance (insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1).
 */

/**
 * Distance between `a` and `b` counted in Unicode code points; stops early and returns `max + 1`
 * once the distance is known to exceed `max` (default: no limit).
 */
export function computeEditDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      }
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length] as number;
}

/**
 * How many typos a word of the expected answer may carry and still count: 0 below 5 letters, 1 from
 * 5 letters, 2 from 10. Words with digits get none (a wrong digit is a wrong number, not a typo).
 */
export function computeTypoAllowance(expectedWord: string): number {
  if (/\p{N}/u.test(expectedWord)) return 0;
  const n = Array.from(expectedWord).length;
  if (n >= 10) return 2;
  if (n >= 5) return 1;
  return 0;
}

/**
 * Whether a word that differs from the expected one may be weighed as a typo of it. A number word
 * ("billion") is like any long word ("billon" counts, flagged) unless the question asks for a
 * number (a numeric answer: then it is right or wrong by value); a given word that is itself a
 * number word is never a typo of another ("million" is one letter from "billion").
 */
export function mayBeTypo(
  givenWord: string,
  expectedWord: string,
  opts: { asksForNumber: boolean; isNumberWord: (word: string) => boolean },
): boolean {
  if (/\p{N}/u.test(givenWord) || opts.isNumberWord(givenWord)) return false;
  return !(opts.asksForNumber && opts.isNumberWord(expectedWord));
}
