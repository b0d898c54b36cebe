/**
 * Typed registration of IPC handlers: refuses duplicate channels, channels outside the contract, and
 * any sender frame that is not our own page; turns every outcome into a `Result`.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { describeError } from '../../renderer/src/core/describe-error';
import {
  CHANNELS,
  type Channel,
  type ChannelArgs,
  type ChannelResult,
  type ErrorCode,
  type Result,
} from './contract';

/** An error a handler throws on purpose: its code and message reach the renderer as they are. */
export class HandlerError extends Error {
  /** `subject`: what the error is about, e.g. the file's name, for the renderer to head it with. */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly subject?: string,
  ) {
    super(message);
  }
}

export type Handler<C extends Channel> = (
  event: IpcMainInvokeEvent,
  ...args: ChannelArgs<C>
) => ChannelResult<C> | Promise<ChannelResult<C>>;

/** What the registry needs from `ipcMain` (an interface so unit tests can pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Builds the `handle` helper bound to one ipcMain and one test of "is this our page?". */
export function createHandlerRegistry(ipcMain: IpcMainLike, isOwnPage: (url: string) => boolean) {
  const registered = new Set<string>();
  const allowed = new Set<string>(CHANNELS);

  function handle<C extends Channel>(channel: C, fn: Handler<C>): void {
    if (!allowed.has(channel)) throw new Error(`IPC channel "${channel}" is not in the contract`);
    if (registered.has(channel)) throw new Error(`IPC channel "${channel}" is already handled`);
    registered.add(channel);
    ipcMain.handle(channel, async (event, ...args): Promise<Result<ChannelResult<C>>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isOwnPage(url)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: `refused "${channel}" from a foreign frame` },
        };
      }
      try {
        return { ok: true, value: await fn(event, ...(args as ChannelArgs<C>)) };
      } catch (err) {
        if (err instanceof HandlerError)
          return {
            ok: false,
            error: { code: err.code, message: err.message, ...(err.subject ? { subject: err.subject } : {}) },
          };
        console.error(`[ipc] ${channel} failed:`, err);
        return {
          ok: false,
          error: { code: 'internal', message: describeError(err) },
        };
      }
    });
  }

  return { handle, registered: (): string[] => [...registered] };
}

export type HandlerRegistry = ReturnType<typeof createHandlerRegistry>;
