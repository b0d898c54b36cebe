import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCloze, buildFlashcard, buildMultipleChoice, buildTyped } from '../../../support/questions';
import { renderQuestion } from '../../../support/render';

describe('QuestionView', () => {
  it('the prompt is a heading that can take focus, and the widget of the type is shown', () => {
    renderQuestion(buildTyped());
    const heading = screen.getByRole('heading', { name: 'Name the book of original entry.' });
    expect(heading.tabIndex).toBe(-1);
    expect(screen.getByRole('textbox')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('a cloze asks to fill in the blanks', () => {
    renderQuestion(buildCloze());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/blank/i);
    expect(screen.getAllByRole('textbox')).toHaveLength(2);
  });

  it('a flashcard shows its front, and its back only once revealed', () => {
    const card = buildFlashcard();
    const { unmount } = renderQuestion(card);
    expect(screen.getByRole('heading', { name: card.front })).toBeTruthy();
    expect(screen.queryByText(card.back)).toBeNull();
    unmount();
    renderQuestion(card, { revealed: true });
    expect(screen.getByText(card.back)).toBeTruthy();
  });

  it('a draft of another type shows no widget rather than a wrong one', () => {
    renderQuestion(buildMultipleChoice(), { draft: { type: 'typed', text: '' } });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('a question name is shown above the prompt, small and muted; none is shown without one', () => {
    const { unmount } = renderQuestion(buildMultipleChoice({ title: 'Assets 2' }));
    const title = screen.getByText('Assets 2');
    expect(title.closest('p')?.className).toBe('question__title muted');
    expect(screen.getByRole('heading', { level: 2 }).getAttribute('aria-describedby')).toBe(
      title.closest('p')?.id,
    );
    unmount();
    renderQuestion(buildMultipleChoice());
    expect(document.querySelector('.question__title')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).hasAttribute('aria-describedby')).toBe(false);
  });

  it('a flashcard whose front is only an image names the file; an empty back reads "(empty)"', () => {
    renderQuestion(buildFlashcard({ front: '', frontImages: ['cat.jpg'], back: '' }), { revealed: true });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('[image: cat.jpg]');
    expect(screen.getByText('(empty)').className).toBe('flashcard-back__empty muted');
  });
});
