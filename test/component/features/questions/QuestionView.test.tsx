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
});
