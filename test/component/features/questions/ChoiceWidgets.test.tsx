import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMultipleChoice, buildTrueFalse } from '../../../support/questions';
import { renderQuestion } from '../../../support/render';

describe('MultipleChoiceWidget', () => {
  it('shows one radio per choice in a group named by the prompt', () => {
    const q = buildMultipleChoice();
    renderQuestion(q);
    const group = screen.getByRole('group', { name: q.prompt });
    expect(group).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('name'))).toHaveLength(3);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('selecting a choice reports its index in the question, not its place on screen', async () => {
    const q = buildMultipleChoice();
    // Shown as Inventory, Cash, A bank loan.
    const { user, changes } = renderQuestion(q, {
      arrangement: { choiceOrder: [2, 0, 1], rightOrder: [], startOrder: [] },
    });
    await user.click(screen.getByRole('radio', { name: /A bank loan/ }));
    expect(changes.at(-1)).toEqual({ type: 'multiple-choice', selected: [1] });
    expect((screen.getByRole('radio', { name: /A bank loan/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: /Cash/ }));
    expect(changes.at(-1)).toEqual({ type: 'multiple-choice', selected: [0] });
  });

  it('with several right answers uses checkboxes that toggle', async () => {
    const q = buildMultipleChoice({
      choices: [
        { text: 'Cash', correct: true },
        { text: 'Inventory', correct: true },
        { text: 'A bank loan', correct: false },
      ],
    });
    const { user, changes } = renderQuestion(q);
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    await user.click(screen.getByRole('checkbox', { name: /Inventory/ }));
    await user.click(screen.getByRole('checkbox', { name: /Cash/ }));
    expect(changes.at(-1)).toEqual({ type: 'multiple-choice', selected: [0, 1] });
    await user.click(screen.getByRole('checkbox', { name: /Inventory/ }));
    expect(changes.at(-1)).toEqual({ type: 'multiple-choice', selected: [0] });
  });

  it('can be answered by keyboard alone: Tab into the group, arrows move the choice', async () => {
    const q = buildMultipleChoice();
    const { user, changes } = renderQuestion(q);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Cash/ }));
    await user.keyboard(' ');
    expect(changes.at(-1)).toEqual({ type: 'multiple-choice', selected: [0] });
    await user.keyboard('{ArrowDown}');
    expect(changes.at(-1)).toEqual({ type: 'multiple-choice', selected: [1] });
  });

  it('after submitting, the choices stay visible in a disabled group', () => {
    const q = buildMultipleChoice();
    renderQuestion(q, { disabled: true });
    // The fieldset disables its inputs (happy-dom does not carry that down to :disabled, browsers do).
    expect((screen.getByRole('group', { name: q.prompt }) as HTMLFieldSetElement).disabled).toBe(true);
    expect(screen.getAllByRole('radio')).toHaveLength(3);
  });
});

describe('TrueFalseWidget', () => {
  it('True and False are radios that report the chosen value', async () => {
    const q = buildTrueFalse();
    const { user, changes } = renderQuestion(q);
    expect(screen.getByRole('group', { name: q.prompt })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /False/ }));
    expect(changes.at(-1)).toEqual({ type: 'true-false', value: false });
    await user.click(screen.getByRole('radio', { name: /True/ }));
    expect(changes.at(-1)).toEqual({ type: 'true-false', value: true });
    expect((screen.getByRole('radio', { name: /True/ }) as HTMLInputElement).checked).toBe(true);
  });
});
