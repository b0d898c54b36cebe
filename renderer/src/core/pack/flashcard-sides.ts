/** A flashcard's side as text: its words, then each image it shows as `[image: file]` until images can be shown. */
import { mediaUrl } from './media';
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

/**
 * The front with its listed images as pack media references `![file](media:file)`, for places that
 * show a pack's media (Browse, the statistics) rather than plain text.
 */
export function flashcardFrontWithMedia(card: Flashcard): string {
  const refs = (card.frontImages ?? []).map((name) => `![${name.replace(/[[\]]/g, '')}](${mediaUrl(name)})`);
  return [card.front, refs.join(' ')].filter((part) => part !== '').join('\n');
}
