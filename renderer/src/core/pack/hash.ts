/**
 * Small, fast, non-cryptographic hashing for stable ids and change detection. The same input gives the
 * same output on every machine and in every version: ids derived from it are stored with progress.
 */

const SEED_A = 0xdeadbeef;
const SEED_B = 0x41c6ce57;

/** cyrb53's final mix of its two 32-bit lanes into 53 bits. */
function mix53(h1: number, h2: number): number {
  let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  a ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  let b = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  b ^= Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

/** cyrb53: a 53-bit hash of a string (UTF-16 code units), as a number. */
export function hashString53(text: string, seed = 0): number {
  let h1 = SEED_A ^ seed;
  let h2 = SEED_B ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mix53(h1, h2);
}

/** `hashString53(text, 1)` and `hashString53(text, 2)` in one pass over the text (a pack file is 44 MB at 100k questions). */
function hashString53Twice(text: string): [number, number] {
  let a1 = SEED_A ^ 1;
  let a2 = SEED_B ^ 1;
  let b1 = SEED_A ^ 2;
  let b2 = SEED_B ^ 2;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  return [mix53(a1, a2), mix53(b1, b2)];
}

const hex13 = (h: number) => h.toString(16).padStart(14, '0').slice(1);

/** A hash of `text` as `length` lowercase hex digits (at most 26: two independent 52-bit parts). */
export function hashHex(text: string, length = 12): string {
  // The low 13 hex digits of a 53-bit hash carry 52 uniform bits (the top digit is only 0 or 1).
  if (length <= 13) return hex13(hashString53(text, 1)).slice(13 - length);
  const [a, b] = hashString53Twice(text);
  return (hex13(a) + hex13(b)).slice(0, Math.min(length, 26));
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
