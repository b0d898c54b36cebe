/**
 * What the sync engine (`ops/sync/`) tells the screens: the contract between the engine and
 * Settings ▸ Sync. The engine keeps one `SyncStatus`, updated as it works; screens subscribe to it.
 */

/** A segment in the folder that could not be read (reported, never half-applied, retried later). */
export interface UnreadableSegment {
  device: string;
  file: string;
  /** Why, for the student: "cut short at byte 1,234 (still being copied?)", "not a Lectern sync file". */
  reason: string;
}

/** What one merge brought in from the other devices. */
export interface IncomingSummary {
  /** Devices (their names, or ids when unnamed) whose events were new. */
  from: string[];
  reviews: number;
  /** Cards whose state was recomputed from their merged reviews. */
  cards: number;
  marks: number;
  settings: number;
  reading: number;
  packs: number;
  /** When it came in (epoch ms): set on the status, where a later sync with nothing new keeps it. */
  at?: number;
}

/** Another device known from the folder. */
export interface PeerDevice {
  id: string;
  name: string;
  /** When its newest segment read here was written (epoch ms). */
  lastWriteAt: number | null;
}

export interface SyncStatus {
  /** The sync folder, or null when sync is off. */
  folder: string | null;
  device: { id: string; name: string };
  peers: PeerDevice[];
  /** The last completed sync (epoch ms), and the last sync that brought something in (with its time). */
  lastSyncAt: number | null;
  lastIncoming: IncomingSummary | null;
  unreadable: UnreadableSegment[];
  /** A sync is running now. */
  running: boolean;
  /** The last sync's failure, for the student (names what and where), or null. */
  error: string | null;
}
