import { screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AboutDialog } from '@/app/AboutDialog';
import { renderWithUser } from '../../support/render';

const invoke = vi.hoisted(() =>
  vi.fn(async (_channel: string) => ({
    ok: true as const,
    value: {
      name: 'Lectern',
      version: '9.8.7',
      electron: null,
      platform: 'linux',
      userDataDir: '/home/student/.config/Lectern',
      backupsDir: '/home/student/.config/Lectern/backups',
    },
  })),
);
vi.mock('@/platform/bridge', () => ({ invoke }));

afterEach(() => invoke.mockClear());

function Host() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        About
      </button>
      <AboutDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

describe('AboutDialog', () => {
  it('asks main for the app info only when opened, and shows the version and data folder', async () => {
    const { user } = renderWithUser(<Host />);
    expect(invoke).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'About' }));
    expect(invoke).toHaveBeenCalledWith('app:info');
    const dialog = screen.getByRole('dialog', { name: 'About Lectern' });
    expect(await screen.findByText('/home/student/.config/Lectern')).toBeTruthy();
    expect(dialog.textContent).toContain('9.8.7');
    // No Electron version: the stand-in is named as such.
    expect(dialog.textContent).toMatch(/stand-in/);
  });

  it('Close closes the dialog and tells its owner', async () => {
    const { user } = renderWithUser(<Host />);
    await user.click(screen.getByRole('button', { name: 'About' }));
    await screen.findByText('9.8.7');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(false);
  });
});
