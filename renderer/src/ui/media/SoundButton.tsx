/**
 * A sound of the pack (`[sound:NAME]`, as Anki writes it): a button that plays it. The study screen's
 * play key (see `features/questions/answer-keys.ts`) presses the first one on the card.
 */
import { useEffect, useRef } from 'react';
import { useMediaFile } from './media-scope';
import './media.css';

/** The attribute the play key looks for. */
export const PLAY_SOUND_ATTRIBUTE = 'data-play-sound';

/** Presses the first sound button inside `root` (the play key); false when there is none. */
export function playFirstSound(root: ParentNode = document): boolean {
  const button = root.querySelector<HTMLButtonElement>(`[${PLAY_SOUND_ATTRIBUTE}]:not(:disabled)`);
  button?.click();
  return button !== null;
}

export function SoundButton({ name, keyHint }: { name: string; keyHint?: string }) {
  const file = useMediaFile(name);
  const audio = useRef<HTMLAudioElement | null>(null);
  useEffect(
    () => () => {
      audio.current?.pause();
      audio.current = null;
    },
    [],
  );
  if (file.status === 'missing' || (file.status === 'ready' && file.image))
    return <span className="media-missing">[sound: {name}]</span>;
  const play = () => {
    if (file.status !== 'ready') return;
    audio.current?.pause();
    audio.current = new Audio(file.url);
    void audio.current.play().catch(() => {});
  };
  return (
    <button
      type="button"
      className="secondary sound-button"
      disabled={file.status !== 'ready'}
      onClick={play}
      {...{ [PLAY_SOUND_ATTRIBUTE]: name }}
    >
      <span aria-hidden="true">▶ </span>Play sound<span className="visually-hidden"> {name}</span>
      {keyHint ? (
        <span className="kbd" aria-hidden="true">
          {keyHint}
        </span>
      ) : null}
    </button>
  );
}
