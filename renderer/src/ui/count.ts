/**
 * Counts in words: "1 chapter", "2 chapters", "0 questions". The plural form comes from the
 * language's plural rules (Intl.PluralRules), so a count never reads "1 chapters".
 */
const rules = new Intl.PluralRules('en');

/** `n` with `one` or `many` (default `one` + "s") as English's plural rules say; thousands separated. */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : many}`;
}
