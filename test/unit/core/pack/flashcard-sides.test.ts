import { describe, expect, it } from 'vitest';
import { toBrowseRow } from '@/core/browse';
import { flashcardBack, flashcardFront, flashcardFrontWithMedia } from '@/core/pack/flashcard-sides';
import { describeQuestion } from '@/core/pack/question-text';
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

  // Regression: Browse and Stats read an image-only front (an Anki note's picture) as "[image: a.png]"
  // text, never as the pack's media, so the picture was never shown there.
  it('a front with its images as media references for Browse and the statistics', () => {
    const card = buildFlashcard({ front: 'Name it', frontImages: ['a b.png'], back: 'A' });
    expect(flashcardFrontWithMedia(card)).toBe('Name it\n![a b.png](media:a%20b.png)');
    expect(describeQuestion(card, 180, { keepMedia: true })).toBe('Name it ![a b.png](media:a%20b.png)');
    const row = toBrowseRow(
      {
        key: 'p:q',
        packId: 'p',
        chapterId: 'c',
        section: 's',
        order: 0,
        type: 'flashcard',
        question: card,
      } as never,
      undefined,
      0,
    );
    expect(row.prompt).toBe('Name it\n![a b.png](media:a%20b.png)');
  });
});
