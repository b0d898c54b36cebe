/**
 * When a study session's queue goes stale: Dexie fires `storagemutated` after every committed write
 * transaction — in this window, and (over a BroadcastChannel, Dexie ≥ 3.2) in the import and backup
 * workers and other windows — with the parts of the database it touched. A write to what the queue is
 * made of (cards, questions, packs, the review log, reading, settings) marks the queue stale, unless
 * the session made it itself: its own writes (answers, undo, suspend, flag) are applied to the queue
 * in memory, and rebuilding after each would slow the answer → next card path.
 */
import { Dexie, type ObservabilitySet } from 'dexie';

/** The tables a study queue is built from. */
const QUEUE_TABLES = ['packs', 'questionChunks', 'cards', 'reviews', 'reading', 'settings'] as const;

/** A write of the session in flight: the card rows it writes (and review rows of those). */
interface OwnWrite {
  keys: ReadonlySet<string>;
}

/** A node of Dexie's RangeSet (an interval tree; plain objects once it crossed a BroadcastChannel). */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode;
  r?: RangeNode;
}

/** Whether every key in the range set is one of `keys` (single keys only: a range is someone else's). */
function onlyKeys(node: RangeNode | undefined, keys: ReadonlySet<string>): boolean {
  if (!node || !('from' in node)) return true;
  if (node.from !== node.to || typeof node.from !== 'string' || !keys.has(node.from)) return false;
  return onlyKeys(node.l, keys) && onlyKeys(node.r, keys);
}

/** Whether a range set holds anything. */
function isEmpty(node: RangeNode | undefined): boolean {
  return !node || (!('from' in node) && !node.l && !node.r);
}

/**
 * Whether `parts` touch what the queue of database `dbName` is made of, beyond what the writes in
 * `own` wrote (their card rows and review rows).
 */
export function touchesQueue(parts: ObservabilitySet, dbName: string, own: readonly OwnWrite[]): boolean {
  if ('all' in parts) return true;
  const prefix = `idb://${dbName}/`;
  const ownKeys = new Set(own.flatMap((w) => [...w.keys]));
  for (const [part, range] of Object.entries(parts)) {
    if (!part.startsWith(prefix) || isEmpty(range as RangeNode)) continue;
    const [table, index] = part.slice(prefix.length).split('/');
    if (!QUEUE_TABLES.includes(table as (typeof QUEUE_TABLES)[number])) continue;
    if (own.length === 0) return true;
    // An own write: its reviews (new ids, or the one undone) and its card rows by primary key; the
    // index parts follow the same rows.
    if (table === 'reviews') continue;
    if (table !== 'cards') return true;
    if (index === '' && !onlyKeys(range as RangeNode, ownKeys)) return true;
  }
  return false;
}

/** Watches a database's writes for a session. */
export interface WriteWatch {
  /** Runs `write` (a write of the session's own to `keys`): its commit does not mark the queue stale. */
  own<T>(keys: readonly string[], write: () => Promise<T>): Promise<T>;
  /** Stops watching. */
  close(): void;
}

/** Calls `onStale` whenever a write the session did not make touches the queue of database `dbName`. */
export function watchQueueWrites(dbName: string, onStale: () => void): WriteWatch {
  const inFlight: OwnWrite[] = [];
  const listener = (parts: ObservabilitySet) => {
    if (touchesQueue(parts, dbName, inFlight)) onStale();
  };
  Dexie.on('storagemutated', listener);
  return {
    async own(keys, write) {
      const w: OwnWrite = { keys: new Set(keys) };
      inFlight.push(w);
      try {
        // Dexie fires the commit's event before this await resumes.
        return await write();
      } finally {
        inFlight.splice(inFlight.indexOf(w), 1);
      }
    },
    close() {
      Dexie.on('storagemutated').unsubscribe(listener);
    },
  };
}
