/**
 * Text with the pack's media named instead of shown: `![alt](media:NAME)` reads `[image: alt]` (the
 * file's name without alt text) and `[sound:NAME]` reads `[sound: NAME]`. For one-line places where a
 * picture cannot fit, such as the Browse grid's cells (rows a line high, measured as they scroll);
 * places with room show the media themselves with {@link MediaText}.
 */
import type { ReactNode } from 'react';
import { mediaNameOf } from '../../core/pack/media';
import { hasMediaRefs } from './MediaText';
import './media.css';

const MEDIA_PART = /!\[([^\]]*)\]\(\s*(media:[^)\s]*)\s*\)|\[sound:([^\]\n]+)\]/g;

export function MediaLabelText({ text }: { text: string }) {
  if (!hasMediaRefs(text)) return <>{text}</>;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(MEDIA_PART)) {
    const image = m[2] !== undefined ? mediaNameOf(m[2]) : null;
    if (m[2] !== undefined && image === null) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    const label = image !== null ? `[image: ${m[1]?.trim() || image}]` : `[sound: ${(m[3] ?? '').trim()}]`;
    parts.push(
      <span key={m.index} className="media-label">
        {label}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
