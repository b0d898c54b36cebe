import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStepsText } from '../../../../renderer/src/features/settings/steps-text';

describe('parseStepsText', () => {
  it.each([
    ['1m 10m', ['1m', '10m']],
    ['1m, 10m', ['1m', '10m']],
    ['  1M ;2h  3d ', ['1m', '2h', '3d']],
    ['', []],
  ])('reads %j', (text, steps) => {
    expect(parseStepsText(text)).toEqual({ ok: true, steps });
  });

  it.each(['10x', '0m', '1.5m', 'm', '10', '-1m'])('names the entry that is not a step: %j', (bad) => {
    const result = parseStepsText(`1m ${bad}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`“${bad}” is not a step`);
  });

  it('refuses more than 20 steps', () => {
    const result = parseStepsText(Array.from({ length: 21 }, () => '1m').join(' '));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Too many steps') });
  });

  it('never throws, and what it accepts joins back to the same steps', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseStepsText(text);
        if (result.ok) expect(parseStepsText(result.steps.join(' '))).toEqual(result);
      }),
    );
  });
});
