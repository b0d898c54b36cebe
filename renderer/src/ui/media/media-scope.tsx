/**
 * Which pack's media a subtree shows: `media:NAME` and `[sound:NAME]` are looked up in the
 * {@link MediaSource} given (screens pass `mediaSourceOf(packId)` from `ops/media.ts`).
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { MediaHandle, MediaSource } from '../../core/media/source';

const MediaPack = createContext<MediaSource | null>(null);

/** Shows `children` with the media of `source`. */
export function MediaScope({ source, children }: { source: MediaSource; children: ReactNode }) {
  return <MediaPack.Provider value={source}>{children}</MediaPack.Provider>;
}

/** A media file of the surrounding {@link MediaScope}: loading, missing (or no scope), or ready. */
export type MediaState = { status: 'loading' } | { status: 'missing' } | ({ status: 'ready' } & MediaHandle);

/** The file `name` of the surrounding pack, as an object URL held while the component is mounted. */
export function useMediaFile(name: string): MediaState {
  const source = useContext(MediaPack);
  const [state, setState] = useState<MediaState>({ status: source === null ? 'missing' : 'loading' });
  useEffect(() => {
    if (source === null) {
      setState({ status: 'missing' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    source.acquire(name).then(
      (h) => live && setState(h ? { status: 'ready', ...h } : { status: 'missing' }),
      () => live && setState({ status: 'missing' }),
    );
    return () => {
      live = false;
      source.release(name);
    };
  }, [source, name]);
  return state;
}
