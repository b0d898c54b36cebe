/**
 * Plain text (a prompt, a choice, a flashcard side) with the pack's media in it: `![alt](media:NAME)`
 * shows the image, `[sound:NAME]` a play button (or only its name where a button cannot go, inside a
 * choice's label). Everything else stays text.
 */
import type { ReactNode } from 'react';
import { mediaNameOf, SOUND_REF } from '../../core/pack/media';
import { MediaImage } from './MediaImage';
import { SoundButton } from './SoundButton';

const MEDIA_PART = /!\[([^\]]*)\]\(\s*(media:[^)\s]*)\s*\)|\[sound:([^\]\n]+)\]/g;

/** Whether the text refers to any media (so plain text can skip the split). */
export function hasMediaRefs(text: string): boolean {
  return text.includes('](media:') || text.includes('[sound:');
}

/** The sound names `[sound:NAME]` in the text, in order. */
export function soundNames(text: string): string[] {
  return [...text.matchAll(SOUND_REF)].map((m) => (m[1] ?? '').trim());
}

export function MediaText({ text, sounds = 'button' }: { text: string; sounds?: 'button' | 'name' }) {
  if (!hasMediaRefs(text)) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(MEDIA_PART)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const name = m[2] !== undefined ? mediaNameOf(m[2]) : null;
    if (name !== null) parts.push(<MediaImage key={m.index} name={name} alt={m[1] ?? ''} />);
    else {
      const sound = (m[3] ?? '').trim();
      parts.push(
        sounds === 'button' ? (
          <SoundButton key={m.index} name={sound} />
        ) : (
          <span key={m.index}>[sound: {sound}]</span>
        ),
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** A flashcard side's listed images (`frontImages` / `backImages`), each named by its file. */
export function SideImages({ names }: { names: readonly string[] | undefined }) {
  if (!names || names.length === 0) return null;
  return (
    <span className="side-images">
      {names.map((name) => (
        <MediaImage key={name} name={name} alt={name} />
      ))}
    </span>
  );
}
