import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '@/ui/ConfirmDialog';
import { renderWithUser } from '../../support/render';

function Opener({ onConfirm, busy = false }: { onConfirm: () => void; busy?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Reset progress
      </button>
      <ConfirmDialog
        open={open}
        title="Reset all progress?"
        confirmLabel="Reset"
        danger
        busy={busy}
        onConfirm={() => {
          onConfirm();
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      >
        Your answers will be forgotten.
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('opens as a dialog named by its title and described by its body, focus on the safe choice', async () => {
    const { user } = renderWithUser(<Opener onConfirm={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset all progress?' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /forgotten/,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('Cancel closes without confirming and gives focus back to the opener', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithUser(<Opener onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Reset progress' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect((document.querySelector('dialog') as HTMLDialogElement).open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('the confirm button confirms once', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithUser(<Opener onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('Escape (the dialog’s cancel event) closes it through its owner', async () => {
    const { user } = renderWithUser(<Opener onConfirm={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(dialog.open).toBe(false);
  });

  it('while busy both buttons are disabled and Escape is ignored', () => {
    renderWithUser(
      <ConfirmDialog open title="Working" confirmLabel="Reset" busy onConfirm={() => {}} onCancel={vi.fn()}>
        Please wait.
      </ConfirmDialog>,
    );
    const dialog = document.querySelector('dialog') as HTMLDialogElement;
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(dialog.open).toBe(true);
  });
});
