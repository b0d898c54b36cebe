import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMatching, buildOrdering } from '../../../support/questions';
import { renderQuestion } from '../../../support/render';

const ordering = { choiceOrder: [], rightOrder: [], startOrder: [2, 0, 1] };

function shownOrder(): string[] {
  const list = screen.getByRole('list', { name: 'Put the steps in order.' });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.order-row__text')?.textContent ?? '');
}

describe('MatchingWidget', () => {
  it('each left item has a select named by it; choosing reports the pair index of the right item', async () => {
    const q = buildMatching();
    const { user, changes } = renderQuestion(q, {
      arrangement: { choiceOrder: [], rightOrder: [2, 0, 1], startOrder: [] },
    });
    const loan = screen.getByRole('combobox', { name: 'Loan' });
    // Options in the arrangement's order, after the empty choice.
    expect(
      within(loan)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'Equity', 'Asset', 'Liability']);
    await user.selectOptions(loan, 'Liability');
    expect(changes.at(-1)).toEqual({ type: 'matching', pairs: [null, 1, null] });
    await user.selectOptions(loan, 'Choose…');
    expect(changes.at(-1)).toEqual({ type: 'matching', pairs: [null, null, null] });
  });
});

describe('OrderingWidget', () => {
  it('starts in the arrangement order; Move up/down buttons are named by their item', async () => {
    const { user, changes } = renderQuestion(buildOrdering(), { arrangement: ordering });
    expect(shownOrder()).toEqual(['Close', 'Open', 'Record']);
    await user.click(screen.getByRole('button', { name: /Move down.*Close/ }));
    expect(changes.at(-1)).toEqual({ type: 'ordering', order: [0, 2, 1] });
    expect(shownOrder()).toEqual(['Open', 'Close', 'Record']);
  });

  it('the first item cannot move up and the last cannot move down', () => {
    renderQuestion(buildOrdering(), { arrangement: ordering });
    expect((screen.getByRole('button', { name: /Move up.*Close/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Move down.*Record/ }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('button', { name: /Move up.*Record/ }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('Alt+ArrowUp moves the focused item, keeps focus on it and announces its new place', async () => {
    const { user, changes } = renderQuestion(buildOrdering(), { arrangement: ordering });
    screen.getByRole('button', { name: /Move up.*Record/ }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(changes.at(-1)).toEqual({ type: 'ordering', order: [2, 1, 0] });
    expect(shownOrder()).toEqual(['Close', 'Record', 'Open']);
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/Record/);
    expect(screen.getByText(/Record moved to position 2 of 3/)).toBeTruthy();
  });

  it('once submitted no item can move', () => {
    renderQuestion(buildOrdering(), { arrangement: ordering, disabled: true });
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
  });
});
