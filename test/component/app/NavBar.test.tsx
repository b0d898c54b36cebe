import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NavBar } from '@/app/NavBar';
import { useAppStore } from '@/store';
import { renderWithUser } from '../../support/render';
import { resetAppStore } from '../../support/store';

beforeEach(resetAppStore);

function current(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-current') === 'page')
    .map((b) => b.textContent ?? '');
}

describe('NavBar', () => {
  it('marks the current screen, and only it, as the current page', () => {
    renderWithUser(<NavBar />);
    expect(current()).toEqual(['Library']);
  });

  it('clicking a screen navigates there and moves the mark', async () => {
    const { user } = renderWithUser(<NavBar />);
    await user.click(screen.getByRole('button', { name: 'Statistics' }));
    expect(useAppStore.getState().route).toEqual({ name: 'stats' });
    expect(current()).toEqual(['Statistics']);
  });

  it('a screen reached from another (the reader from the library) keeps its parent marked', () => {
    renderWithUser(<NavBar />);
    act(() => useAppStore.getState().navigate({ name: 'reader', packId: 'p', chapterId: 'c' }));
    expect(current()).toEqual(['Library']);
  });

  it('works by keyboard: Tab reaches the items and Enter follows one', async () => {
    const { user } = renderWithUser(<NavBar />);
    await user.tab();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Study');
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().route.name).toBe('study');
  });
});
