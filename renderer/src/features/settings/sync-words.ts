/** Settings ▸ Sync in words: when and with whom the last sync was, and what it brought in. */
import type { IncomingSummary, PeerDevice, SyncStatus } from '../../ops/sync/types';
import { formatCount } from '../../ui/count';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "14:05" today, "3 Dec, 14:05" on another day. */
export function formatSyncTime(at: number, now: number): string {
  const a = new Date(at);
  const n = new Date(now);
  const sameDay =
    a.getFullYear() === n.getFullYear() && a.getMonth() === n.getMonth() && a.getDate() === n.getDate();
  return sameDay ? time.format(at) : dayAndTime.format(at);
}

/** "Laptop", "Laptop and Desktop", "Laptop, Desktop and Tablet". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function peerName(p: PeerDevice): string {
  return p.name.trim() || p.id;
}

/** The status line: "Synced 14:05 with Laptop", "Not synced yet", "Sync is off". */
export function describeSyncState(status: SyncStatus, now: number): string {
  if (!status.folder) return 'Sync is off.';
  if (status.running) return 'Syncing…';
  if (status.lastSyncAt === null) return 'Not synced yet.';
  const when = formatSyncTime(status.lastSyncAt, now);
  const peers = status.peers.map(peerName);
  return peers.length > 0
    ? `Synced ${when} with ${joinNames(peers)}.`
    : `Synced ${when}. No other device has written to this folder yet.`;
}

/**
 * What the last sync that brought anything in brought: "Came in at 14:05: 3 reviews, 2 cards updated
 * and 1 setting from Laptop."
 */
export function describeIncoming(summary: IncomingSummary, now: number): string {
  const parts: string[] = [];
  if (summary.reviews > 0) parts.push(formatCount(summary.reviews, 'review'));
  if (summary.cards > 0) parts.push(`${formatCount(summary.cards, 'card')} updated`);
  if (summary.marks > 0) parts.push(formatCount(summary.marks, 'suspension or flag', 'suspensions or flags'));
  if (summary.settings > 0) parts.push(formatCount(summary.settings, 'setting'));
  if (summary.reading > 0) parts.push(formatCount(summary.reading, 'reading change'));
  if (summary.packs > 0) parts.push(formatCount(summary.packs, 'pack change'));
  if (parts.length === 0) return 'Nothing has come in from another device yet.';
  const from = summary.from.length > 0 ? ` from ${joinNames(summary.from)}` : '';
  const when =
    summary.at === undefined ? 'Came in last time' : `Came in at ${formatSyncTime(summary.at, now)}`;
  return `${when}: ${joinNames(parts)}${from}.`;
}
