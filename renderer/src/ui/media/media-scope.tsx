/** Which pack's media a subtree shows: `media:NAME` and `[sound:NAME]` are looked up in that pack. */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { acquireMediaUrl, type MediaHandle, releaseMediaUrl } from '../../ops/media';

const MediaPack = createContext<string | null>(null);

/** Shows `children` with the media of pack `packId`. */
export function MediaScope({ packId, children }: { packId: string; children: ReactNode }) {
  return <MediaPack.Provider value={packId}>{children}</MediaPack.Provider>;
}

/** A media file of the surrounding {@link MediaScope}: loading, missing (or no scope), or ready. */
export type MediaState = { status: 'loading' } | { status: 'missing' } | ({ status: 'ready' } & MediaHandle);

/** The file `name` of the surrounding pack, as an object URL held while the component is mounted. */
export function useMediaFile(name: string): MediaState {
  const packId = useContext(MediaPack);
  const [state, setState] = useState<MediaState>({ status: packId === null ? 'missing' : 'loading' });
  useEffect(() => {
    if (packId === null) {
      setState({ status: 'missing' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    acquireMediaUrl(packId, name).then(
      (h) => live && setState(h ? { status: 'ready', ...h } : { status: 'missing' }),
      () => live && setState({ status: 'missing' }),
    );
    return () => {
      live = false;
      releaseMediaUrl(packId, name);
    };
  }, [packId, name]);
  return state;
}
