import { describe, expect, it } from 'vitest';
import { applyAppearance } from '../../../renderer/src/app/use-theme';

function fakeRoot() {
  const props = new Map<string, string>();
  const root = {
    dataset: {} as Record<string, string | undefined>,
    style: { setProperty: (k: string, v: string) => props.set(k, v) },
  };
  return { root: root as unknown as HTMLElement, props, dataset: root.dataset };
}

describe('applyAppearance', () => {
  it('sets a chosen theme, removes it to follow the system, and sets text size and motion', () => {
    const { root, props, dataset } = fakeRoot();
    applyAppearance(root, { theme: 'dark', fontScale: 1.3, reduceMotion: true });
    expect(dataset).toEqual({ theme: 'dark', reduceMotion: 'true' });
    expect(props.get('--font-scale')).toBe('1.3');
    applyAppearance(root, { theme: 'system', fontScale: 1, reduceMotion: false });
    expect(dataset.theme).toBeUndefined();
    expect(dataset.reduceMotion).toBeUndefined();
    expect(props.get('--font-scale')).toBe('1');
  });
});
