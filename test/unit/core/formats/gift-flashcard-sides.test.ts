import { describe, expect, it } from 'vitest';
import { readGift } from '@/core/formats/gift/read-gift';
import { packToGift } from '@/core/formats/gift/write-gift';
import { buildFlashcard, buildPack } from '../../../support/questions';

const roundTrip = (card: ReturnType<typeof buildFlashcard>) => {
  const gift = packToGift(buildPack({ questions: [card] }));
  const back = readGift(gift, { fileName: 'x.gift' });
  if (!back.ok) throw new Error(`${JSON.stringify(back.issues)}\n${gift}`);
  return { gift, question: back.pack.questions[0] };
};

describe('GIFT export of flashcards with empty or image-only sides', () => {
  it('an empty back is written as an empty answer block and read back as an empty back', () => {
    const { gift, question } = roundTrip(buildFlashcard({ back: '', explanation: 'why' }));
    expect(gift).toContain('What is a ledger?{\n\t####why\n}');
    expect(question).toMatchObject({
      type: 'flashcard',
      front: 'What is a ledger?',
      back: '',
      explanation: 'why',
    });
  });

  it('a side that is only images is written as its [image: file] text, so the file still reads', () => {
    const { question } = roundTrip(
      buildFlashcard({ front: '', frontImages: ['cat.jpg'], back: '', backImages: ['dog.png'] }),
    );
    expect(question).toMatchObject({
      type: 'flashcard',
      front: '[image: cat.jpg]',
      back: '[image: dog.png]',
    });
  });
});
