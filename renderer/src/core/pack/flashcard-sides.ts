/** A flashcard's side as text: its words, then each image it shows as `[image: file]` until images can be shown. */
import type { Question } from './schema';

type Flashcard = Extract<Question, { type: 'flashcard' }>;

function side(text: string, images: readonly string[] | undefined): string {
  const refs = (images ?? []).map((src) => `[image: ${src}]`).join(' ');
  return [text, refs].filter((part) => part !== '').join('\n');
}

/** The front as read: text and image references; never empty for a valid card. */
export function flashcardFront(card: Flashcard): string {
  return side(card.front, card.frontImages);
}

/** The back as read: may be empty (an Anki note with an empty back). */
export function flashcardBack(card: Flashcard): string {
  return side(card.back, card.backImages);
}
