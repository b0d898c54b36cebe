import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCloze, buildTyped } from '../../../support/questions';
import { renderQuestion } from '../../../support/render';

describe('TypedWidget', () => {
  it('typing reports the text, and the field is described by the prompt', async () => {
    const q = buildTyped();
    const { user, changes } = renderQuestion(q);
    const input = screen.getByRole('textbox', { name: /answer/i });
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('heading', { name: q.prompt }).id);
    await user.type(input, 'jour');
    expect(changes.at(-1)).toEqual({ type: 'typed', text: 'jour' });
    expect((input as HTMLInputElement).value).toBe('jour');
  });

  it('after submitting the answer stays readable but cannot be edited', async () => {
    const { user, changes } = renderQuestion(buildTyped(), {
      draft: { type: 'typed', text: 'ledger' },
      disabled: true,
    });
    const input = screen.getByRole('textbox', { name: /answer/i }) as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    await user.type(input, 'x');
    expect(changes).toEqual([]);
    expect(input.value).toBe('ledger');
  });
});

describe('ClozeWidget', () => {
  it('one field per blank, named by its place, each reporting into its own slot', async () => {
    const { user, changes } = renderQuestion(buildCloze());
    const first = screen.getByRole('textbox', { name: /Blank 1 of 2/ });
    const second = screen.getByRole('textbox', { name: /Blank 2 of 2/ });
    await user.type(second, 'cr');
    expect(changes.at(-1)).toEqual({ type: 'cloze', answers: ['', 'cr'] });
    await user.type(first, 'd');
    expect(changes.at(-1)).toEqual({ type: 'cloze', answers: ['d', 'cr'] });
  });

  it('Tab moves from blank to blank in reading order', async () => {
    const { user } = renderQuestion(buildCloze());
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Blank 1/ }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Blank 2/ }));
  });

  it("a blank's hint is part of its name", () => {
    renderQuestion(buildCloze({ text: 'The {{c1::journal::book}} comes first.' }));
    expect(screen.getByRole('textbox', { name: /Blank 1 of 1.*book/ })).toBeTruthy();
  });
});
