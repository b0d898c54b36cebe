/**
 * One sync engine per profile and folder: runs one sync at a time (export what changed here, merge
 * what came in, tell the others what we read, compact our journal when all have read it), keeps the
 * `SyncStatus` current and can be cancelled between batches. When it runs (start, timer, folder
 * changes, study writes) is the caller's (`service.ts`); this module is plain and testable.
 */
import { eventIdMaker } from '../../core/sync';
import type { LecternDb } from '../../db/schema/database';
import { compactJournal } from './compact';
import { exportJournal } from './export-journal';
import type { SyncFolder } from './folder';
import { type MergeOptions, mergeIncoming } from './merge-incoming';
import { loadOrCreateRecord, peersOf, readRecord, writeRecord } from './record';
import type { PackExport } from './sync-packs';
import type { IncomingSummary, SyncStatus } from './types';

/** How far a running sync has got (`total` 0: not known yet). */
export interface SyncProgressReport {
  label: string;
  done: number;
  total: number;
}

export interface SyncEngineOptions {
  db: LecternDb;
  folder: SyncFolder;
  /** The folder's path as the status shows it. */
  folderName: string;
  hostName?: string;
  now?: () => number;
  /** The backup written before the first merge ever. */
  backup?: () => Promise<void>;
  applyPacks?: MergeOptions['applyPacks'];
  /** Prepares pack events to export (it puts the pack files in the folder). */
  exportPacks?: (now: number, newId: (now: number) => string) => Promise<PackExport>;
}

/** Whether a merge brought anything in. */
function hasNews(s: IncomingSummary): boolean {
  return s.reviews + s.cards + s.marks + s.settings + s.reading + s.packs > 0;
}

export class SyncCancelled extends Error {
  constructor() {
    super('sync was cancelled');
  }
}

export class SyncEngine {
  private status: SyncStatus;
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private running: Promise<SyncStatus> | null = null;
  private again = false;
  private controller: AbortController | null = null;
  private newId: ((now: number) => string) | null = null;
  private stopped = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.status = {
      folder: options.folderName,
      device: { id: '', name: '' },
      peers: [],
      lastSyncAt: null,
      lastIncoming: null,
      unreadable: [],
      running: false,
      error: null,
    };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads (or makes) this device's record: its id and name, the last sync. */
  async load(): Promise<SyncStatus> {
    const record = await loadOrCreateRecord(this.options.db, this.options.hostName);
    this.newId ??= eventIdMaker(record.device.id);
    this.set({
      device: { id: record.device.id, name: record.device.name },
      peers: peersOf(record),
      lastSyncAt: record.lastSyncAt,
      lastIncoming: record.lastIncoming,
    });
    return this.status;
  }

  /** Names this device (the name goes out in its next segment). */
  async rename(name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 100);
    if (!trimmed) throw new Error('a device name cannot be empty');
    const { db } = this.options;
    await loadOrCreateRecord(db, this.options.hostName);
    await db.transaction('rw', db.meta, async () => {
      const r = await readRecord(db);
      if (r) await writeRecord(db, { ...r, device: { ...r.device, name: trimmed, named: true } });
    });
    await this.load();
  }

  /**
   * Syncs now; while one runs, another is queued behind it (once) and its promise returned. Never
   * rejects: a failure is in `status.error`.
   */
  sync(onProgress?: (p: SyncProgressReport) => void): Promise<SyncStatus> {
    if (this.stopped) return Promise.resolve(this.status);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.runOnce(onProgress);
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
      return this.status;
    })();
    return this.running;
  }

  /** Stops the running sync between batches (what was applied stays). */
  cancel(): void {
    this.again = false;
    this.controller?.abort();
  }

  /** Stops for good (the folder was unset): nothing runs any more; all data stays. */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private async runOnce(onProgress?: (p: SyncProgressReport) => void): Promise<void> {
    const { db, folder } = this.options;
    const controller = new AbortController();
    this.controller = controller;
    this.set({ running: true });
    try {
      await this.load();
      const newId = this.newId as (now: number) => string;
      onProgress?.({ label: 'Writing this device’s changes', done: 0, total: 0 });
      // With a minute's margin for an answer whose transaction was still open when the export read.
      const exportedBefore = this.now() - 60_000;
      const packs = this.options.exportPacks ? await this.options.exportPacks(this.now(), newId) : undefined;
      await exportJournal(db, folder, this.now(), newId, packs ? { packs } : {});
      if (controller.signal.aborted) throw new SyncCancelled();
      onProgress?.({ label: 'Reading the other devices’ changes', done: 0, total: 0 });
      const merged = await mergeIncoming(db, folder, this.now(), {
        signal: controller.signal,
        exportedBefore,
        ...(this.options.backup ? { backup: this.options.backup } : {}),
        ...(this.options.applyPacks ? { applyPacks: this.options.applyPacks } : {}),
        onProgress: (done, total) => onProgress?.({ label: 'Merging', done, total }),
      });
      if (controller.signal.aborted) throw new SyncCancelled();
      // Tell the others what we read (a segment with no events, never acknowledged in turn).
      await exportJournal(db, folder, this.now(), newId, { announceSeen: true });
      await compactJournal(db, folder, this.now());
      const at = this.now();
      // A sync that found nothing new keeps what came in last, and when.
      const news = hasNews(merged.incoming) ? { ...merged.incoming, at } : null;
      await db.transaction('rw', db.meta, async () => {
        const r = await readRecord(db);
        if (r) await writeRecord(db, { ...r, lastSyncAt: at, lastIncoming: news ?? r.lastIncoming });
      });
      const record = await readRecord(db);
      this.set({
        lastSyncAt: at,
        lastIncoming: record?.lastIncoming ?? news,
        unreadable: merged.unreadable,
        peers: record ? peersOf(record) : this.status.peers,
        error: null,
      });
    } catch (err) {
      this.set({
        error:
          err instanceof SyncCancelled
            ? 'The last sync was cancelled; what had been merged stays.'
            : `Sync with ${this.options.folderName} failed: ${(err as Error).message ?? String(err)}`,
      });
    } finally {
      this.controller = null;
      this.set({ running: false });
    }
  }
}
