/**
 * Small, fast, non-cryptographic hashing for stable ids and change detection. The same input gives the
 * same output on every machine and in every version: ids derived from it are stored with progress.
 */

/** cyrb53: a 53-bit hash of a string (UTF-16 code units), as a number. */
export function hashString53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A hash of `text` as `length` lowercase hex digits (at most 26: two independent 52-bit parts). */
export function hashHex(text: string, length = 12): string {
  // The low 13 hex digits of a 53-bit hash carry 52 uniform bits (the top digit is only 0 or 1).
  const a = hashString53(text, 1).toString(16).padStart(14, '0').slice(1);
  if (length <= 13) return a.slice(13 - length);
  const b = hashString53(text, 2).toString(16).padStart(14, '0').slice(1);
  return (a + b).slice(0, Math.min(length, 26));
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
