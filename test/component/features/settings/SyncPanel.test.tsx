import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SyncPanel, type SyncPanelProps } from '@/features/settings/SyncPanel';
import { describeIncoming, describeSyncState } from '@/features/settings/sync-words';
import type { SyncStatus } from '@/ops/sync/types';
import { renderWithUser } from '../../../support/render';

/** Times are written in the student's locale (24 h or AM/PM): the tests accept both. */
const NOW = new Date(2026, 11, 7, 15, 30).getTime();
const AT = new Date(2026, 11, 7, 14, 5).getTime();

function status(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    folder: '/home/sam/Sync/Lectern',
    device: { id: 'desk0001abcd', name: 'Desktop' },
    peers: [{ id: 'lap00001abcd', name: 'Laptop', lastWriteAt: AT }],
    lastSyncAt: AT,
    lastIncoming: {
      from: ['Laptop'],
      reviews: 3,
      cards: 2,
      marks: 0,
      settings: 1,
      reading: 0,
      packs: 0,
      at: AT,
    },
    unreadable: [],
    running: false,
    error: null,
    ...over,
  };
}

function renderPanel(over: Partial<SyncPanelProps> = {}) {
  const props: SyncPanelProps = {
    status: status(),
    fixed: false,
    progress: null,
    now: NOW,
    onChooseFolder: vi.fn(),
    onStop: vi.fn(async () => true),
    onSyncNow: vi.fn(),
    onCancel: vi.fn(),
    onRename: vi.fn(async () => {}),
    ...over,
  };
  return { props, ...renderWithUser(<SyncPanel {...props} />) };
}

describe('Settings ▸ Sync', () => {
  it('says when and with whom it last synced, and what came in', () => {
    renderPanel();
    const section = screen.getByRole('region', { name: 'Sync' });
    expect(within(section).getByRole('status').textContent).toMatch(
      /^Synced (14|02):05( PM)? with Laptop\.$/,
    );
    expect(section.textContent).toMatch(
      /Came in at (14|02):05( PM)?: 3 reviews, 2 cards updated and 1 setting from Laptop\./,
    );
    expect(section.textContent).toContain('/home/sam/Sync/Lectern');
    expect(section.textContent).toContain('desk0001abcd');
    expect((screen.getByLabelText('This device’s name') as HTMLInputElement).value).toBe('Desktop');
  });

  it('lists each file that could not be read with its device and the reason', () => {
    renderPanel({
      status: status({
        unreadable: [{ device: 'lap00001abcd', file: '0000000004.jsonl', reason: 'cut short at byte 1,234' }],
      }),
    });
    const table = screen.getByRole('table', { name: 'Files that could not be read' });
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['lap00001abcd', '0000000004.jsonl', 'cut short at byte 1,234']);
  });

  it('a sync under way shows its progress and offers Cancel instead of Sync now', async () => {
    const { props, user } = renderPanel({
      status: status({ running: true }),
      progress: { label: 'Reading Laptop’s files…', done: 1, total: 4 },
    });
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.getByRole('progressbar', { name: /Reading Laptop’s files… 25%/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel sync' }));
    expect(props.onCancel).toHaveBeenCalledOnce();
    expect(screen.getByRole('status').textContent).toBe('Syncing…');
  });

  it('a sync the app started by itself leaves Sync now, and the focus on it, in place', async () => {
    const { props, user, rerender } = renderPanel();
    const button = screen.getByRole('button', { name: 'Sync now' });
    button.focus();
    rerender(<SyncPanel {...props} status={status({ running: true })} />);
    expect(screen.getByRole('status').textContent).toBe('Syncing…');
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(props.onSyncNow).toHaveBeenCalledOnce();
    // Started here: the same button becomes Cancel, focus still on it.
    rerender(
      <SyncPanel
        {...props}
        status={status({ running: true })}
        progress={{ label: 'x', done: 0, total: 0 }}
      />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel sync' }));
  });

  it('Stop syncing asks first and says that all data is kept', async () => {
    const { props, user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Stop syncing…' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop syncing?' });
    expect(dialog.textContent).toMatch(/Everything on this device stays as it is/);
    await user.click(within(dialog).getByRole('button', { name: 'Stop syncing' }));
    expect(props.onStop).toHaveBeenCalledOnce();
  });

  it('a folder set by LECTERN_SYNC_DIR cannot be changed or stopped here', () => {
    renderPanel({ fixed: true });
    expect(screen.queryByRole('button', { name: /Choose/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop syncing…' })).toBeNull();
    expect(screen.getByText(/set by LECTERN_SYNC_DIR/)).toBeTruthy();
  });

  it('with sync off it offers to choose a folder and no Sync now', async () => {
    const { props, user } = renderPanel({ status: status({ folder: null, lastSyncAt: null, peers: [] }) });
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Choose sync folder…' }));
    expect(props.onChooseFolder).toHaveBeenCalledOnce();
  });

  it('an empty device name is refused beside the field and not saved', async () => {
    const { props, user } = renderPanel();
    const field = screen.getByLabelText('This device’s name');
    await user.clear(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBeTruthy();
    expect(props.onRename).not.toHaveBeenCalled();
    await user.type(field, 'Work PC');
    expect(props.onRename).toHaveBeenLastCalledWith('Work PC');
  });
});

describe('sync words', () => {
  it('names the peers and the day when it was not today', () => {
    const two = status({
      peers: [
        { id: 'a0000001', name: 'Laptop', lastWriteAt: null },
        { id: 'b0000001', name: '', lastWriteAt: null },
      ],
      lastSyncAt: new Date(2026, 11, 3, 9, 0).getTime(),
    });
    expect(describeSyncState(two, NOW)).toMatch(
      /^Synced (3 Dec|Dec 3),? 09:00( AM)? with Laptop and b0000001\.$/,
    );
    expect(describeSyncState(status({ peers: [] }), NOW)).toMatch(
      /^Synced (14|02):05( PM)?\. No other device has written to this folder yet\.$/,
    );
    expect(describeSyncState(status({ lastSyncAt: null }), NOW)).toBe('Not synced yet.');
    expect(describeSyncState(status({ folder: null }), NOW)).toBe('Sync is off.');
  });

  it('says when nothing has come in yet', () => {
    expect(
      describeIncoming(
        {
          from: ['Laptop'],
          reviews: 0,
          cards: 0,
          marks: 0,
          settings: 0,
          reading: 0,
          packs: 0,
        },
        NOW,
      ),
    ).toBe('Nothing has come in from another device yet.');
  });
});
