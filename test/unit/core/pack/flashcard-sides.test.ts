import { describe, expect, it } from 'vitest';
import { flashcardBack, flashcardFront } from '@/core/pack/flashcard-sides';
import { validatePack } from '@/core/pack/validate';
import { buildFlashcard, buildPack } from '../../../support/questions';

const problems = (card: Record<string, unknown>) => {
  const r = validatePack(buildPack({ questions: [card as never] }));
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('flashcard sides', () => {
  it('an empty back is valid, as an Anki note with an empty back', () => {
    expect(problems(buildFlashcard({ back: '' }))).toEqual([]);
    expect(problems(buildFlashcard({ back: '   ' }))).toEqual([]);
  });

  it('an empty front is valid only when frontImages lists an image', () => {
    expect(problems(buildFlashcard({ front: '', frontImages: ['cat.jpg'] }))).toEqual([]);
    expect(problems(buildFlashcard({ front: ' ' })).join('\n')).toMatch(
      /must not be empty unless frontImages lists an image/,
    );
    expect(problems(buildFlashcard({ front: '', frontImages: [] })).length).toBeGreaterThan(0);
    expect(problems(buildFlashcard({ backImages: [''] })).join('\n')).toMatch(/must not be empty/);
  });

  it('reads a side as its text then its images as [image: file]; an empty back reads as ""', () => {
    const card = buildFlashcard({ front: '', frontImages: ['a.png', 'b.gif'], back: '' });
    expect(flashcardFront(card)).toBe('[image: a.png] [image: b.gif]');
    expect(flashcardBack(card)).toBe('');
    expect(flashcardBack(buildFlashcard({ back: 'A cat', backImages: ['c.jpg'] }))).toBe(
      'A cat\n[image: c.jpg]',
    );
  });
});
