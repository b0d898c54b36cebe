/**
 * The one IPC contract between main, preload and renderer. Every channel is declared here; main
 * registers exactly these, the preload exposes exactly these, the renderer calls exactly these.
 * Payloads are plain JSON (no Map/Set/Date/Blob): they cross a structured clone in Electron and
 * Playwright's serializer in the stand-in.
 */

/** Every handler answers with this instead of throwing: an Error thrown in main does not cross IPC intact. */
export type Result<T> =
  | { ok: true; value: T }
  /** `subject`: what the error is about when it is one thing, e.g. the name of the file refused. */
  | { ok: false; error: { code: ErrorCode; message: string; subject?: string } };

export type ErrorCode =
  | 'bad-request'
  | 'forbidden'
  | 'not-found'
  | 'too-large'
  | 'encoding'
  | 'io'
  | 'cancelled'
  | 'internal';

/** A pack file as text, read by main and parsed by the renderer (untrusted text is parsed in the sandbox). */
export interface PackFile {
  /** File name without folders, e.g. `openai-microsoft.json`. */
  name: string;
  /** The file's text; empty when it is a zip archive (then `base64` holds its bytes). */
  text: string;
  /** A zip archive's bytes (a `.lectern` pack with media), base64: IPC payloads stay plain JSON. */
  base64?: string;
  /** Where it came from: `bundled`, or `file` for a user's file. */
  origin: 'bundled' | 'file';
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string | null;
  platform: string;
  userDataDir: string;
  backupsDir: string;
}

export interface BackupFileInfo {
  name: string;
  bytes: number;
  modifiedAt: number;
}

/** Where a backup written in parts goes: the automatic backups folder, or a file the user chooses. */
/** Why an automatic backup was written: on quit, the day's first, or before the first sync merge. */
export const AUTO_BACKUP_REASONS = ['quit', 'daily', 'sync'] as const;
export type AutoBackupReason = (typeof AUTO_BACKUP_REASONS)[number];

/**
 * An automatic backup's file name, `lectern-backup-2026-11-27T14-03-05-123Z-quit.json`: what main
 * lists, reads and prunes, and what the database record may name as the last good backup (one
 * pattern for both: two copies once disagreed about 'sync').
 */
export const AUTO_BACKUP_NAME = new RegExp(
  `^lectern-backup-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z-(${AUTO_BACKUP_REASONS.join('|')})\\.json$`,
);
export type BackupTarget = { kind: 'auto'; reason: AutoBackupReason } | { kind: 'save'; defaultName: string };

/** A backup written in parts, once renamed into place. */
export interface BackupWritten {
  /** File name without folders. */
  name: string;
  path: string;
  bytes: number;
  modifiedAt: number;
}

/** One part of a backup read in parts: decoded text, or (a raw read) the file's bytes as base64. */
export interface BackupPart {
  text?: string;
  base64?: string;
  /** Bytes of the file read so far (for progress). */
  bytesRead: number;
  /** The last part: the read is closed. */
  done: boolean;
}

export interface SaveRequest {
  /** Suggested file name. */
  defaultName: string;
  /** The file's text (ignored when `base64` is given). */
  text: string;
  /** Binary content (a `.lectern` zip), base64: written as bytes instead of `text`. */
  base64?: string;
  /** Dialog filter, e.g. `{ name: 'GIFT', extensions: ['gift', 'txt'] }`. */
  filter: { name: string; extensions: string[] };
}

export interface PdfRequest {
  defaultName: string;
  /** A complete, self-contained HTML document (no scripts, no remote resources). */
  html: string;
}

/** What the database held, as a backup's summary counts it (all counts ≥ 0). */
export interface DatabaseCounts {
  packs: number;
  questions: number;
  cards: number;
  reviews: number;
  reading: number;
  settings: number;
  selftests: number;
}

/**
 * The record main keeps beside the database, outside IndexedDB (`database-record.json` in the user-data
 * folder): which database the renderer last saw, what it held, and the newest automatic backup written
 * of it while it was whole. At start-up a database that is not the recorded one (damaged and recreated
 * by the browser, or its files lost) is told apart from a fresh install by this record.
 */
export interface DatabaseRecord {
  /** The id stamped inside the database this record describes. */
  databaseId: string;
  counts: DatabaseCounts;
  /** The newest automatic backup of that database while it was whole: never pruned. */
  lastGoodBackup: string | null;
  /** Bumped by main on every write. */
  generation: number;
  /** Epoch ms of the write (main's clock). */
  writtenAt: number;
}

/** What the renderer sends to `db:record-write` (main adds the generation and the time). */
export type DatabaseRecordInput = Pick<DatabaseRecord, 'databaseId' | 'counts' | 'lastGoodBackup'>;

/** What `fsrs:optimize` fits: per-card histories (ratings and study days) and the split day. */
export interface FsrsOptimizeRequest {
  /** Names this run in `fsrs:progress` events and `fsrs:cancel`. */
  jobId: string;
  /**
   * The histories, `{ ratings: number[]; days: number[] }[]`, as JSON text: one string crosses the
   * IPC as one copy, where 100k reviews as objects took the page a 270 ms task to serialize.
   */
  historiesJson: string;
  /** Reviews before this study day are fitted on, the rest scored on (a time-series split). */
  cutDay: number;
}

/** Log loss and RMSE (bins) of one parameter set on the later reviews. */
export interface FsrsScores {
  logLoss: number;
  rmseBins: number;
}

/** What `fsrs:optimize` found (see electron/fsrs/optimize.ts). */
export interface FsrsOptimizeResult {
  items: number;
  trainItems: number;
  testItems: number;
  parameters: number[] | null;
  evaluation: { default: FsrsScores; fitted: FsrsScores } | null;
  better: boolean;
}

/** Request → response of every invoke channel. */
export interface Channels {
  'app:info': { args: []; result: AppInfo };
  'content:list': { args: []; result: PackFile[] };
  /** Files the OS asked us to open (launch arguments, second instance, macOS open-file) not yet taken. */
  'files:take-pending': { args: []; result: PackFile[] };
  /** File ▸ Import pack…: shows the open dialog and reads the chosen files; empty when cancelled. */
  'files:open-dialog': { args: []; result: PackFile[] };
  /** Shows a save dialog and writes the text; the saved path, or null when cancelled. */
  'files:save': { args: [SaveRequest]; result: string | null };
  /** Renders the HTML to PDF and saves it; the saved path, or null when cancelled. */
  'files:save-pdf': { args: [PdfRequest]; result: string | null };
  'backup:list': { args: []; result: BackupFileInfo[] };
  'backup:open-folder': { args: []; result: null };
  /**
   * Starts writing a backup in parts (a save target shows the save dialog first: null when cancelled).
   * Parts go to a temporary file that `backup:write-end` renames into place.
   */
  'backup:write-begin': { args: [BackupTarget]; result: { id: string } | null };
  /**
   * Appends one part: text (at most 8 Mi characters, not cutting a character in two), or bytes as
   * base64 (a gzip-compressed format 3 backup, at most 8 MiB a part).
   */
  'backup:write-part': { args: [{ id: string; text?: string; base64?: string }]; result: null };
  /**
   * Completes the file: checked whole (decompressed, its counts and checksums recomputed), flushed and
   * only then renamed over its destination (automatic ones: newest 10 kept, and the last good one
   * named by the database record). A file that is not a whole backup is deleted and refused.
   */
  'backup:write-end': { args: [{ id: string }]; result: BackupWritten };
  /** Drops an unfinished write: its temporary file is deleted, the destination untouched. */
  'backup:write-abort': { args: [{ id: string }]; result: null };
  /** Opens an automatic backup for reading in parts (`raw`: its bytes as they are on disk). */
  'backup:read-begin': { args: [{ name: string; raw?: boolean }]; result: { id: string; bytes: number } };
  /** The next part of the file, decoded as UTF-8 (or, for a raw read, as base64). */
  'backup:read-part': { args: [{ id: string }]; result: BackupPart };
  /** Closes a read before its last part. */
  'backup:read-end': { args: [{ id: string }]; result: null };
  /** The record beside the database, or null when none was written yet (or it is unreadable). */
  'db:record-read': { args: []; result: DatabaseRecord | null };
  /** Replaces the record beside the database (atomically); the record as written. */
  'db:record-write': { args: [DatabaseRecordInput]; result: DatabaseRecord };
  /** The sync folder (issue 20), and whether `LECTERN_SYNC_DIR` fixes it. */
  'sync:info': { args: []; result: SyncFolderInfo };
  /** Asks the student for a sync folder and remembers it; null when they cancel. */
  'sync:choose-folder': { args: []; result: SyncFolderInfo | null };
  /** Forgets the sync folder (nothing in it or in the database is removed). */
  'sync:stop': { args: []; result: SyncFolderInfo };
  /** Every device's segment files in the folder. */
  'sync:list': { args: []; result: SyncSegmentFile[] };
  /** One segment's text. */
  'sync:read': { args: [{ device: string; file: string }]; result: string };
  /** Writes this device's segment once; false when that name already exists. */
  'sync:write': { args: [{ device: string; file: string; text: string }]; result: boolean };
  /** Stores a pack file by its content hash. */
  'sync:put-pack': { args: [{ hash: string; text: string }]; result: null };
  /** Removes one of this device's own segments (compaction: a snapshot segment holds it now). */
  'sync:remove': { args: [{ device: string; file: string }]; result: null };
  /** A pack file by its content hash; null until it has arrived. */
  'sync:get-pack': { args: [{ hash: string }]; result: string | null };
  /** Opens an http(s) link in the OS browser; only called from a user's click. */
  'shell:open-external': { args: [{ url: string }]; result: null };
  /** The renderer answers a `backup:request` (on quit) when it has written its backup. */
  'app:quit-ready': { args: []; result: null };
  /** Fits FSRS parameters to the histories and evaluates them (progress: `fsrs:progress`; error `cancelled`). */
  'fsrs:optimize': { args: [FsrsOptimizeRequest]; result: FsrsOptimizeResult };
  /** Stops the run `jobId` (its `fsrs:optimize` answers `cancelled`); nothing when it is not running. */
  'fsrs:cancel': { args: [{ jobId: string }]; result: null };
}

export type Channel = keyof Channels;
export type ChannelArgs<C extends Channel> = Channels[C]['args'];
export type ChannelResult<C extends Channel> = Channels[C]['result'];

/** Runtime list of invoke channels; the preload refuses any other. */
export const CHANNELS = [
  'app:info',
  'content:list',
  'files:take-pending',
  'files:open-dialog',
  'files:save',
  'files:save-pdf',
  'backup:list',
  'backup:open-folder',
  'backup:write-begin',
  'backup:write-part',
  'backup:write-end',
  'backup:write-abort',
  'backup:read-begin',
  'backup:read-part',
  'backup:read-end',
  'db:record-read',
  'db:record-write',
  'sync:info',
  'sync:choose-folder',
  'sync:stop',
  'sync:list',
  'sync:read',
  'sync:write',
  'sync:put-pack',
  'sync:remove',
  'sync:get-pack',
  'shell:open-external',
  'app:quit-ready',
  'fsrs:optimize',
  'fsrs:cancel',
] as const satisfies readonly Channel[];

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'import-pack'
  | 'about'
  | 'open-library'
  | 'open-stats'
  | 'open-settings'
  | 'open-selftest'
  | 'open-browse';

/** The sync folder (issue 20). */
export interface SyncFolderInfo {
  folder: string | null;
  /** Set by `LECTERN_SYNC_DIR`: the app cannot change it. */
  fixed: boolean;
  /** The computer's host name: the device's name until the student sets one. */
  hostName?: string;
}

/** A segment file in the sync folder. */
export interface SyncSegmentFile {
  device: string;
  file: string;
  bytes: number;
  modifiedAt: number;
}

/** Events main sends to the renderer. */
export interface Events {
  'menu:command': { command: MenuCommand };
  /** The OS asked us to open files while running; call `files:take-pending`. */
  'files:pending': Record<string, never>;
  /** Main is quitting and wants an automatic backup: write it, then invoke `app:quit-ready`. */
  'backup:request': { reason: 'quit' };
  /** Progress of an `fsrs:optimize` run: phase 1 fits the earlier reviews, phase 2 all of them. */
  'fsrs:progress': { jobId: string; phase: 1 | 2; done: number; total: number };
  /** Files in the sync folder changed (another device's segment arrived): merge. */
  'sync:changed': Record<string, never>;
}

export type EventName = keyof Events;

/** Runtime list of event names; the preload only subscribes to these. */
export const EVENTS = [
  'menu:command',
  'files:pending',
  'backup:request',
  'fsrs:progress',
  'sync:changed',
] as const satisfies readonly EventName[];

/** What the preload exposes as `window.lectern`. Nothing else crosses the bridge. */
export interface BridgeApi {
  invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<Result<ChannelResult<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** The largest file main reads for the renderer (bytes); larger ones are refused before reading. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The largest zip archive (a `.lectern` pack with up to 500 MiB of media) main reads for the renderer. */
export const MAX_ARCHIVE_BYTES = 600 * 1024 * 1024;
