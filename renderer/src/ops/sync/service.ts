/**
 * Folder sync in the running app: one engine over main's folder, run on start (when a folder is
 * set), every {@link SYNC_EVERY_MS}, when main says the folder changed (`sync:changed`), and a few
 * seconds after this device writes what sync carries (answers, marks, settings, reading). Screens
 * read the status here and call these functions; nothing here runs when no folder is set, and
 * stopping sync removes nothing.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { db } from '../../db/schema/database';
import { invokeOrThrow, onMainEvent } from '../../platform/bridge';
import { writeAutoBackup } from '../backup/actions';
import { SyncEngine, type SyncProgressReport } from './engine';
import { bridgeFolder } from './folder';
import { loadOrCreateRecord, peersOf } from './record';
import { applyPackEvents, exportPackEvents } from './sync-packs';
import type { SyncStatus } from './types';

/** The timer between syncs. */
export const SYNC_EVERY_MS = 5 * 60_000;
/** How long after this device's last write a sync starts (answers come in bursts). */
export const AFTER_WRITE_MS = 4_000;
/** The tables whose writes sync carries. */
const SYNCED_TABLES = new Set(['revlog', 'cards', 'settings', 'reading', 'packs']);

const OFF: SyncStatus = {
  folder: null,
  device: { id: '', name: '' },
  peers: [],
  lastSyncAt: null,
  lastIncoming: null,
  unreadable: [],
  running: false,
  error: null,
};

let status: SyncStatus = OFF;
let engine: SyncEngine | null = null;
let teardown: (() => void) | null = null;
let hostName: string | undefined;
const listeners = new Set<(s: SyncStatus) => void>();

function publish(next: SyncStatus): void {
  status = next;
  for (const l of listeners) l(status);
}

/** The status now (the same object until it changes). */
export function getSyncStatus(): SyncStatus {
  return status;
}

/** Calls `listener` on every change of the status; returns the unsubscribe. */
export function subscribeSyncStatus(listener: (s: SyncStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function touchesSynced(parts: ObservabilitySet): boolean {
  const prefix = `idb://${db.name}/`;
  return Object.keys(parts).some(
    (p) => p.startsWith(prefix) && SYNCED_TABLES.has(p.slice(prefix.length).split('/')[0] ?? ''),
  );
}

function stopEngine(): void {
  teardown?.();
  teardown = null;
  engine?.stop();
  engine = null;
}

function startEngine(folder: string): void {
  const e = new SyncEngine({
    db,
    folder: bridgeFolder(),
    folderName: folder,
    ...(hostName ? { hostName } : {}),
    backup: async () => {
      await writeAutoBackup(db, 'sync', Date.now());
    },
    applyPacks: (events) => applyPackEvents(db, bridgeFolder(), events, Date.now()),
    exportPacks: (now, newId) => exportPackEvents(db, bridgeFolder(), now, newId),
  });
  engine = e;
  const unsubscribe = e.subscribe(publish);
  let writeTimer: ReturnType<typeof setTimeout> | null = null;
  const onWrite = (parts: ObservabilitySet) => {
    // The engine's own writes (a merge) are not news to tell.
    if (e.getStatus().running || !touchesSynced(parts)) return;
    if (writeTimer) clearTimeout(writeTimer);
    writeTimer = setTimeout(() => void e.sync(), AFTER_WRITE_MS);
  };
  Dexie.on('storagemutated', onWrite);
  const offChanged = onMainEvent('sync:changed', () => void e.sync());
  const timer = setInterval(() => void e.sync(), SYNC_EVERY_MS);
  teardown = () => {
    unsubscribe();
    Dexie.on('storagemutated').unsubscribe(onWrite);
    offChanged();
    clearInterval(timer);
    if (writeTimer) clearTimeout(writeTimer);
  };
  e.load()
    .then(() => e.sync())
    .catch((err: unknown) => publish({ ...e.getStatus(), error: `Sync could not start: ${String(err)}` }));
}

/**
 * Reads the folder setting from main and starts (or stops) syncing to match; run at start-up and
 * after the student chooses or forgets a folder. Resolves to the status.
 */
export async function refreshFolderSync(): Promise<SyncStatus> {
  const info = await invokeOrThrow('sync:info');
  hostName = info.hostName ?? hostName;
  if (info.folder && engine?.getStatus().folder === info.folder) return status;
  stopEngine();
  if (info.folder) {
    startEngine(info.folder);
    publish(engine ? (engine as SyncEngine).getStatus() : status);
    return status;
  }
  const record = await loadOrCreateRecord(db, hostName);
  publish({
    ...OFF,
    device: { id: record.device.id, name: record.device.name },
    peers: peersOf(record),
    lastSyncAt: record.lastSyncAt,
    lastIncoming: record.lastIncoming,
  });
  return status;
}

/** Syncs now (the screen's "Sync now"); resolves when done, never rejects (see `status.error`). */
export function syncNow(onProgress?: (p: SyncProgressReport) => void): Promise<SyncStatus> {
  return engine ? engine.sync(onProgress) : Promise.resolve(status);
}

/** Cancels the running sync between batches; what was merged stays. */
export function cancelSync(): void {
  engine?.cancel();
}

/** Names this device (what the others show: "synced 10:42 with Laptop"). */
export async function renameSyncDevice(name: string): Promise<void> {
  if (engine) {
    await engine.rename(name);
    return;
  }
  const e = new SyncEngine({ db, folder: bridgeFolder(), folderName: '' });
  await e.rename(name);
  publish({ ...status, device: e.getStatus().device });
}

/** Asks for a folder and starts syncing with it; null when the student cancels. */
export async function chooseSyncFolder(): Promise<SyncStatus | null> {
  const chosen = await invokeOrThrow('sync:choose-folder');
  if (!chosen) return null;
  return refreshFolderSync();
}

/** Stops syncing: forgets the folder, stops every timer and watcher; nothing is removed anywhere. */
export async function stopFolderSync(): Promise<SyncStatus> {
  await invokeOrThrow('sync:stop');
  stopEngine();
  return refreshFolderSync();
}

/** Stops the engine without touching the setting (the window is closing, tests). */
export function shutdownFolderSync(): void {
  stopEngine();
}
