/** Which chapters "New questions only after reading" gates. */

/**
 * Whether a chapter has text to read. Only such a chapter is gated by "New questions only after
 * reading"; one with none (a deck imported from Anki, Quizlet, Aiken or plain GIFT is a heading
 * over empty sections) is open from the start.
 */
export function hasChapterText(chapter: { sections: ReadonlyArray<{ body: string }> }): boolean {
  return chapter.sections.some((s) => s.body.trim() !== '');
}
