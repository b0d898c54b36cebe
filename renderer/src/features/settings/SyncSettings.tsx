/** Settings ▸ Sync, connected to the app's sync service. */
import { appSyncPort, type SyncScreenPort } from '../../ops/sync/screen';
import { SyncPanel } from './SyncPanel';
import { useSyncScreen } from './use-sync';

export function SyncSettings({ port = appSyncPort }: { port?: SyncScreenPort }) {
  const sync = useSyncScreen(port);
  // "Synced 14:05" names the day once it is no longer today: the clock is read at each render (each status change).
  const now = Date.now();
  return (
    <SyncPanel
      status={sync.status}
      fixed={sync.fixed}
      progress={sync.progress}
      now={now}
      onChooseFolder={() => void sync.chooseFolder()}
      onStop={sync.stop}
      onSyncNow={() => void sync.syncNow()}
      onCancel={sync.cancel}
      onRename={sync.rename}
    />
  );
}
