import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CardTools } from '@/features/study/CardTools';
import { renderWithUser } from '../../../support/render';

describe('CardTools', () => {
  it('each button reports its own action', async () => {
    const onAction = vi.fn();
    const { user } = renderWithUser(<CardTools flagged={false} busy={false} canUndo onAction={onAction} />);
    await user.click(screen.getByRole('button', { name: /flag/i }));
    await user.click(screen.getByRole('button', { name: /suspend/i }));
    await user.click(screen.getByRole('button', { name: /undo/i }));
    await user.click(screen.getByRole('button', { name: /end session/i }));
    expect(onAction.mock.calls.map((c) => c[0])).toEqual(['flag', 'suspend', 'undo', 'end']);
  });

  it('Flag is a toggle that says whether the card is flagged', () => {
    const { rerender } = renderWithUser(
      <CardTools flagged={false} busy={false} canUndo onAction={() => {}} />,
    );
    expect(screen.getByRole('button', { name: /flag/i, pressed: false })).toBeTruthy();
    rerender(<CardTools flagged busy={false} canUndo onAction={() => {}} />);
    expect(screen.getByRole('button', { name: /flag/i, pressed: true })).toBeTruthy();
  });

  it('Undo is off with nothing to undo; Suspend and Undo are off while busy; End stays available', () => {
    const { rerender } = renderWithUser(
      <CardTools flagged={false} busy={false} canUndo={false} onAction={() => {}} />,
    );
    const button = (name: RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
    expect(button(/undo/i).disabled).toBe(true);
    expect(button(/suspend/i).disabled).toBe(false);
    rerender(<CardTools flagged={false} busy canUndo onAction={() => {}} />);
    expect(button(/undo/i).disabled).toBe(true);
    expect(button(/suspend/i).disabled).toBe(true);
    expect(button(/end session/i).disabled).toBe(false);
  });
});
