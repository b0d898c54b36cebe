import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTICLE_URL } from './pack-text';

/**
 * The article as CI hands it out, beside the clone. Only this file looks there, and only to check that
 * the project's copy is the same bytes; every other test reads the project's own copy.
 */
const CI_SEED = fileURLToPath(new URL('../../../../shared/seed/000_afa6fc7813d4a8e4.txt', import.meta.url));

describe("the project's copy of the article", () => {
  it('is in the project, so a clone stands alone', () => {
    const text = readFileSync(ARTICLE_URL, 'utf8');
    expect(text.startsWith('The partnership between OpenAI and Microsoft')).toBe(true);
    expect(text).toContain('The Genesis of a Powerful Alliance');
    expect(text.trimEnd().endsWith('that lie ahead.')).toBe(true);
  });

  it('is byte-identical to the article CI keeps in ../shared/seed', (ctx) => {
    ctx.skip(
      !existsSync(CI_SEED),
      `${CI_SEED} is absent (a standalone clone has no ../shared beside it): nothing to compare with`,
    );
    expect(readFileSync(ARTICLE_URL).equals(readFileSync(CI_SEED))).toBe(true);
  });
});
