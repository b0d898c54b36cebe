/**
 * Reads a typed answer as a quantity, whatever the form a student writes it in:
 * "$1B" = "1 billion" = "$1,000,000,000" = "one billion dollars" = "1bn" = "1,000 million" = "a billion".
 *
 * Understood: digits with a decimal point; commas, spaces, thin spaces or apostrophes as thousands
 * separators (groups of exactly three digits); number words zero–nineteen, twenty–ninety, hundred,
 * thousand, million, billion, trillion ("a"/"an" before them means one); suffixes k, m/mn/mio,
 * b/bn, t/tn; compound scales ("thousand million"); currency symbols and words ($ € £ ¥ USD dollars
 * euros pounds…), "%"/"percent", and filler words (about, around, roughly, in, the, year, of, and).
 * Anything else (another word, two bare numbers in a row, "1,5", a scale word alone such as "billion")
 * makes it not a quantity: `null`. The currency a text names is read apart, by {@link readCurrency}.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  thousands: 1e3,
  million: 1e6,
  millions: 1e6,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  mil: 1e6,
  mm: 1e6,
  billion: 1e9,
  billions: 1e9,
  b: 1e9,
  bn: 1e9,
  bil: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  t: 1e12,
  tn: 1e12,
  tr: 1e12,
};
const FILLER = new Set([
  'usd',
  'us',
  'dollar',
  'dollars',
  'bucks',
  'eur',
  'euro',
  'euros',
  'gbp',
  'pound',
  'pounds',
  'sterling',
  'yen',
  'jpy',
  'percent',
  'per',
  'cent',
  'pct',
  'about',
  'around',
  'approximately',
  'approx',
  'roughly',
  'circa',
  'ca',
  'nearly',
  'almost',
  'some',
  'in',
  'the',
  'year',
  'of',
  'and',
  'worth',
]);

/** Tells whether `word` (normalized) names a number or a scale: "five", "twenty", "million", "bn"… */
export function isNumberWord(word: string): boolean {
  return word in UNITS || word in TENS || word in SCALES || word === 'hundred' || word === 'hundreds';
}

type Token = { kind: 'num'; value: number } | { kind: 'word'; word: string };

function tokenize(text: string, extraFiller: ReadonlySet<string>): Token[] | null {
  let s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
  if (s.length === 0 || s.length > 120) return null;
  s = s
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[$€£¥₹]/g, ' ')
    .replace(/%/g, ' percent ')
    .replace(/(\d)[,\s\u00a0\u202f'’](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)[,\s\u00a0\u202f'’](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2');
  const negative = /^-\s*\d/.test(s);
  s = s
    .replace(/^-/, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/[^a-z0-9.]+/g, ' ');
  const tokens: Token[] = negative ? [{ kind: 'word', word: '-' }] : [];
  for (const raw of s.split(' ')) {
    if (raw === '') continue;
    if (/^\d+(?:\.\d+)?$/.test(raw)) tokens.push({ kind: 'num', value: Number(raw) });
    else if (/^[a-z]+$/.test(raw)) {
      if (!extraFiller.has(raw)) tokens.push({ kind: 'word', word: raw });
    } else return null;
  }
  return tokens;
}

/**
 * Returns the value of `text` read as a quantity, or `null` when it is not one. `unit` (e.g. the
 * question's "USD" or "GW") is also accepted as a filler word.
 */
export function parseQuantity(text: string, unit?: string): number | null {
  const extra = new Set(
    (unit ?? '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 0),
  );
  const tokens = tokenize(text, extra);
  if (tokens === null) return null;
  let sign = 1;
  let total = 0;
  let group: number | null = null;
  /** What may follow: any number, only a unit word 1–9 (after "twenty"), below 100 (after "hundred"), nothing. */
  let next: 'any' | 'unit' | 'below100' | 'none' = 'any';
  let lastScale = 0;
  let sawNumber = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    let value: number | undefined;
    let isTens = false;
    if (tok.kind === 'num') value = tok.value;
    else if (tok.word === '-' && i === 0) {
      sign = -1;
      continue;
    } else if (tok.word in UNITS) value = UNITS[tok.word];
    else if (tok.word in TENS) {
      value = TENS[tok.word];
      isTens = true;
    } else if ((tok.word === 'a' || tok.word === 'an') && group === null) {
      const after = tokens[i + 1];
      if (after?.kind === 'word' && (after.word === 'hundred' || after.word in SCALES)) value = 1;
      else continue;
    }
    if (value !== undefined) {
      const ok =
        next === 'any' ||
        (next === 'unit' && tok.kind === 'word' && value >= 1 && value <= 9) ||
        (next === 'below100' && value < 100);
      if (!ok) return null;
      group = (group ?? 0) + value;
      next = isTens ? 'unit' : 'none';
      sawNumber = true;
      continue;
    }
    const word = (tok as { word: string }).word;
    if (word === 'hundred' || word === 'hundreds') {
      group = (group ?? 1) * 100;
      next = 'below100';
      sawNumber = true;
    } else if (word in SCALES) {
      const scale = SCALES[word] as number;
      if (group === null) {
        // "one thousand million": a larger scale right after a smaller one multiplies it. A scale
        // with no number before it ("billion", "million dollars") says how big, not how many.
        if (lastScale === 0) return null;
        if (lastScale < scale) total *= scale;
        else return null;
      } else {
        if (lastScale !== 0 && scale >= lastScale) return null;
        total += group * scale;
      }
      group = null;
      lastScale = scale;
      next = 'any';
      sawNumber = true;
    } else if (!FILLER.has(word)) {
      return null;
    }
  }
  if (!sawNumber) return null;
  const value = sign * (total + (group ?? 0));
  return Number.isFinite(value) ? value : null;
}

/** A currency a typed answer or a question's unit can name. */
export type Currency = 'USD' | 'EUR' | 'GBP' | 'JPY' | 'INR';

const CURRENCY_SYMBOLS: Record<string, Currency> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};
const CURRENCY_WORDS: Record<string, Currency> = {
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  sterling: 'GBP',
  quid: 'GBP',
  yen: 'JPY',
  jpy: 'JPY',
  inr: 'INR',
  rupee: 'INR',
  rupees: 'INR',
};

/**
 * The currency `text` names by symbol or word ("$1B" and "1 billion dollars" → USD, "£1bn" → GBP,
 * "1 billion euros" → EUR), or null when it names none or two different ones. A question's `unit`
 * ("USD") reads the same way.
 */
export function readCurrency(text: string | undefined): Currency | null {
  if (!text) return null;
  const found = new Set<Currency>();
  for (const ch of text) {
    const c = CURRENCY_SYMBOLS[ch];
    if (c) found.add(c);
  }
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z]+/);
  for (const w of words) {
    const c = CURRENCY_WORDS[w];
    if (c) found.add(c);
  }
  return found.size === 1 ? ([...found][0] as Currency) : null;
}

/**
 * Tells whether two amounts are in different currencies: only when both name one ("£1bn" is not
 * "$1 billion"); an amount with no currency ("1 billion") may stand for either.
 */
export function isOtherCurrency(given: string, expected: string | undefined, unit?: string): boolean {
  const g = readCurrency(given);
  const e = readCurrency(expected) ?? readCurrency(unit);
  return g !== null && e !== null && g !== e;
}

/**
 * Tells whether two quantities are the same within `tolerance` (absolute, from the question), with
 * a relative slack of 1e-9 for decimal rounding ("1.1 billion" × 1e9 is not exact in floating point).
 */
export function isSameQuantity(given: number, expected: number, tolerance = 0): boolean {
  const tol = Number.isFinite(tolerance) && tolerance > 0 ? tolerance : 0;
  return Math.abs(given - expected) <= tol + 1e-9 * Math.max(1, Math.abs(expected));
}
