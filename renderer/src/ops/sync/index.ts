/**
 * Folder sync (issue 20): the engine's public functions. Screens use the service (`service.ts`);
 * tests and the bench drive an engine of their own over an in-memory folder.
 */
export { type CompactResult, compactJournal } from './compact';
export { SyncEngine, type SyncEngineOptions, type SyncProgressReport } from './engine';
export { type ExportResult, exportJournal, LOCAL_SETTINGS, SEGMENT_EVENTS } from './export-journal';
export { bridgeFolder, type FolderSegment, type SyncFolder } from './folder';
export { type MergeResult, mergeIncoming } from './merge-incoming';
export { DEFAULT_DEVICE_NAME, readRecord } from './record';
export {
  AFTER_WRITE_MS,
  cancelSync,
  chooseSyncFolder,
  getSyncStatus,
  refreshFolderSync,
  renameSyncDevice,
  SYNC_EVERY_MS,
  shutdownFolderSync,
  stopFolderSync,
  subscribeSyncStatus,
  syncNow,
} from './service';
export { applyPackEvents, exportPackEvents } from './sync-packs';
export type { IncomingSummary, PeerDevice, SyncStatus, UnreadableSegment } from './types';
