import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { NavBar } from '@/app/NavBar';
import { useAppStore } from '@/store';
import { ScreenHeading } from '@/ui/ScreenHeading';
import { renderWithUser } from '../../support/render';
import { resetAppStore } from '../../support/store';

beforeEach(resetAppStore);

/**
 * The shell as App draws it: the navigation, and in `main` a loading status until start-up is done
 * (`ready`) and until the current screen's code has loaded (`loaded`, as a lazy screen's), then its h1.
 */
const ALL = ['library', 'study', 'browse'];
function Shell({ ready, loaded = ALL }: { ready: boolean; loaded?: string[] }) {
  const route = useAppStore((s) => s.route);
  const title = route.name === 'library' ? 'Library' : route.name === 'study' ? 'Study' : 'Browse';
  return (
    <>
      <NavBar />
      <main id="main" tabIndex={-1}>
        {!ready || !loaded.includes(route.name) ? (
          <p role="status">Opening…</p>
        ) : (
          <ScreenHeading key={route.name} focusKey={route.name}>
            {title}
          </ScreenHeading>
        )}
      </main>
    </>
  );
}

const navItem = (name: string) => screen.getByRole('button', { name });
const heading = (name: string) => screen.getByRole('heading', { level: 1, name });

describe('ScreenHeading focus', () => {
  it('the Library appearing after start-up does not take focus from a navigation item the student moved to, so their Enter opens it (issue #14)', async () => {
    const { user, rerender } = renderWithUser(<Shell ready={false} />);
    act(() => navItem('Browse').focus());
    rerender(<Shell ready />);
    expect(heading('Library')).toBeDefined();
    expect(document.activeElement).toBe(navItem('Browse'));
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().route).toEqual({ name: 'browse' });
    expect(document.activeElement).toBe(heading('Browse'));
  });

  it('with nothing focused, the first screen’s heading takes focus when start-up is done', () => {
    const { rerender } = renderWithUser(<Shell ready={false} />);
    rerender(<Shell ready />);
    expect(document.activeElement).toBe(heading('Library'));
  });

  it('with the screen area focused (the skip link), the first screen’s heading takes focus', () => {
    const { rerender } = renderWithUser(<Shell ready={false} />);
    act(() => screen.getByRole('main').focus());
    rerender(<Shell ready />);
    expect(document.activeElement).toBe(heading('Library'));
  });

  it('a screen that appears a while after its navigation item was chosen takes focus from that item', async () => {
    const { user, rerender } = renderWithUser(<Shell ready loaded={['library']} />);
    await user.click(navItem('Study'));
    expect(screen.getByRole('status')).toBeDefined();
    expect(document.activeElement).toBe(navItem('Study'));
    rerender(<Shell ready />);
    expect(document.activeElement).toBe(heading('Study'));
  });

  it('a screen still loading when the student moves on to another navigation item leaves that item focused', async () => {
    const { user, rerender } = renderWithUser(<Shell ready loaded={['library']} />);
    await user.click(navItem('Study'));
    expect(screen.getByRole('status')).toBeDefined();
    act(() => navItem('Browse').focus());
    rerender(<Shell ready />);
    expect(heading('Study')).toBeDefined();
    expect(document.activeElement).toBe(navItem('Browse'));
  });
});
