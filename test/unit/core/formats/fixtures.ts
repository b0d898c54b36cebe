import { readFileSync } from 'node:fs';

/** The bytes of a fixture under test/fixtures/packs/. */
export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/packs/${path}`, import.meta.url)));
}

/** The text of a fixture under test/fixtures/packs/. */
export function readFixtureText(path: string): string {
  return readFileSync(new URL(`../../../fixtures/packs/${path}`, import.meta.url), 'utf8');
}
