/**
 * The only module that touches the preload bridge (`window.lectern`), and the renderer's one doorway
 * to the IPC contract main owns (`electron/ipc/contract.ts`): everything else in the renderer calls
 * these functions and takes the contract's payload types from here.
 */
import type {
  BridgeApi,
  Channel,
  ChannelArgs,
  ChannelResult,
  EventName,
  Events,
  Result,
} from '../../../electron/ipc/contract';
import { describeError } from '../core/describe-error';

export type {
  AppInfo,
  AutoBackupReason,
  BackupFileInfo,
  BackupTarget,
  BackupWritten,
  DatabaseCounts,
  DatabaseRecord,
  FsrsOptimizeResult,
  MenuCommand,
  PackFile,
  Result,
} from '../../../electron/ipc/contract';

declare global {
  interface Window {
    lectern?: BridgeApi;
  }
}

function bridge(): BridgeApi | null {
  return typeof window !== 'undefined' && window.lectern ? window.lectern : null;
}

/** Calls main; never throws: a missing bridge or a failed call comes back as `{ ok: false }`. */
export async function invoke<C extends Channel>(
  channel: C,
  ...args: ChannelArgs<C>
): Promise<Result<ChannelResult<C>>> {
  const api = bridge();
  if (!api)
    return { ok: false, error: { code: 'internal', message: 'Lectern must run inside its desktop shell' } };
  try {
    return await api.invoke(channel, ...args);
  } catch (err) {
    return {
      ok: false,
      error: { code: 'internal', message: describeError(err) },
    };
  }
}

/** Like `invoke`, but throws an Error with main's message on failure (for code paths that show errors). */
export async function invokeOrThrow<C extends Channel>(
  channel: C,
  ...args: ChannelArgs<C>
): Promise<ChannelResult<C>> {
  const res = await invoke(channel, ...args);
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** Subscribes to an event from main; returns the unsubscribe. */
export function onMainEvent<E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void,
): () => void {
  const api = bridge();
  return api ? api.on(event, listener) : () => {};
}
