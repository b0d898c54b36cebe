import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '@/app/Notices';
import { useAppStore } from '@/store';
import { renderWithUser } from '../../support/render';
import { resetAppStore } from '../../support/store';

beforeEach(resetAppStore);

describe('Notices', () => {
  it('news goes to the polite status region, errors to the alert region', () => {
    renderWithUser(<Notices />);
    act(() => {
      useAppStore.getState().notify('success', 'Pack imported.');
      useAppStore.getState().notify('error', 'Could not save.');
    });
    const status = screen.getByRole('status');
    const alert = screen.getByRole('alert');
    expect(status.textContent).toContain('Pack imported.');
    expect(status.textContent).not.toContain('Could not save.');
    expect(alert.textContent).toContain('Could not save.');
  });

  it('each message has its own dismiss button that removes only that message', async () => {
    const { user } = renderWithUser(<Notices />);
    act(() => {
      useAppStore.getState().notify('info', 'First.');
      useAppStore.getState().notify('info', 'Second.');
      useAppStore.getState().notify('error', 'Broken.');
    });
    const status = screen.getByRole('status');
    const buttons = within(status).getAllByRole('button', { name: /dismiss/i });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[0] as HTMLElement);
    expect(status.textContent).not.toContain('First.');
    expect(status.textContent).toContain('Second.');
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: /dismiss/i }));
    expect(useAppStore.getState().notices.map((n) => n.text)).toEqual(['Second.']);
  });

  it('starts empty after a store reset (no message leaks between tests)', () => {
    renderWithUser(<Notices />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
