import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../bench/options';
import { judgeLinearity, linearityFile } from '../../bench/phases/linearity';

describe('bench phase import.linearity', () => {
  const sizes = [1000, 4000, 16_000, 64_000];
  it('calls quadratic growth not flat and steady or noisy-but-linear series flat', () => {
    const quadratic = {
      format: 'gift' as const,
      shape: 'identical' as const,
      sizes,
      usPerQuestion: [10, 40, 160, 640],
    };
    const linear = {
      format: 'csv' as const,
      shape: 'distinct' as const,
      sizes,
      usPerQuestion: [10, 40, 30, 45],
    };
    expect(judgeLinearity([quadratic]).flat).toBe(false);
    const ok = judgeLinearity([linear]);
    expect(ok.flat).toBe(true);
    expect(ok.name).toBe('import.linearity');
    expect(ok.series[0]?.growth).toBeCloseTo(45 / 30);
  });

  it('builds files of the asked number of questions in each shape', () => {
    expect(linearityFile('csv', 'identical', 3)).toBe('What is two plus two?,four\n'.repeat(3));
    expect(linearityFile('gift', 'distinct', 2)).toContain('What is 1 plus two?');
    expect(linearityFile('aiken', 'near-identical', 2)).toContain('WHAT IS TWO PLUS TWO? ');
  });

  it('has --only-linearity', () => {
    const o = parseOptions(['--only-linearity']);
    expect(o !== 'help' && o.onlyLinearity).toBe(true);
  });
});
