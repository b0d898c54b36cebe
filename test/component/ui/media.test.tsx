import { Blob as NodeBlob } from 'node:buffer';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyImportWithMedia, hashPackMedia, removePackWithMedia } from '@/db/repos/media-repo';
import { db } from '@/db/schema/database';
import { QuestionView } from '@/features/questions';
import { mediaSourceOf } from '@/ops/media';
import { Markdown } from '@/ui/Markdown';
import { MediaScope } from '@/ui/media/media-scope';
import { playFirstSound } from '@/ui/media/SoundButton';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1 } from '../../support/media-fixtures';
import { renderWithUser } from '../../support/render';

vi.mock('@/platform/bridge', () => ({ invoke: vi.fn(async () => ({ ok: true, value: undefined })) }));

const MEDIA = [
  { name: 'diagram.png', type: 'image/png', bytes: PNG_1X1 },
  { name: 'logo.svg', type: 'image/svg+xml', bytes: HOSTILE_SVG },
  { name: 'bell.mp3', type: 'audio/mpeg', bytes: MP3_HEAD },
];
const pack = imagePack('shown');

beforeAll(async () => {
  // happy-dom's Blob does not survive fake-indexeddb's structured clone (Chromium's does): use Node's.
  vi.stubGlobal('Blob', NodeBlob);
  const meta = { origin: 'imported', format: 'lectern', contentHash: 'h' } as const;
  await applyImportWithMedia(db, pack, meta, Date.UTC(2025, 0, 1), await hashPackMedia(MEDIA));
});

afterEach(() => vi.restoreAllMocks());

describe('pack media on screen', () => {
  it('a prompt and its choices show the pack images through blob: URLs, with their alt text', async () => {
    const q = pack.questions[0];
    if (q?.type !== 'multiple-choice') throw new Error('fixture');
    const { container } = renderWithUser(
      <MediaScope source={mediaSourceOf('shown')}>
        <QuestionView
          question={q}
          arrangement={{ choiceOrder: [0, 1], rightOrder: [], startOrder: [] }}
          draft={{ type: 'multiple-choice', selected: [] }}
          onChange={() => {}}
          disabled={false}
          idPrefix="t"
        />
      </MediaScope>,
    );
    const img = await screen.findByRole('img', { name: 'the shape' });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    const svg = await screen.findByRole('img', { name: 'a circle' });
    expect(svg.tagName).toBe('IMG');
    // The SVG never enters the DOM as markup: no <svg>, <script> or <foreignObject> element exists.
    expect(container.querySelector('svg, script, foreignObject')).toBeNull();
    expect(screen.getByRole('heading', { name: /Which shape is this\?/ })).toBeTruthy();
  });

  it('Markdown shows media:NAME images, and a name the pack lacks as words', async () => {
    renderWithUser(
      <MediaScope source={mediaSourceOf('shown')}>
        <Markdown source={'![a red square](media:diagram.png) and ![gone](media:nope.png)'} />
      </MediaScope>,
    );
    expect((await screen.findByRole('img', { name: 'a red square' })).getAttribute('src')).toMatch(/^blob:/);
    await waitFor(() => expect(screen.getByText('[image: gone]')).toBeTruthy());
  });

  it('[sound:NAME] is a play button, and the play key presses the first one', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { container } = renderWithUser(
      <MediaScope source={mediaSourceOf('shown')}>
        <Markdown source="Name this sound [sound:bell.mp3]" />
      </MediaScope>,
    );
    const button = await screen.findByRole('button', { name: 'Play sound bell.mp3' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(playFirstSound(container)).toBe(true);
    expect(play).toHaveBeenCalledTimes(1);
  });

  it('outside a pack (no scope) or after the pack is removed, images are words', async () => {
    renderWithUser(<Markdown source="![a red square](media:diagram.png)" />);
    expect(await screen.findByText('[image: a red square]')).toBeTruthy();
  });

  it('removing the pack removes its files', async () => {
    await removePackWithMedia(db, 'shown');
    expect(await db.mediaFiles.count()).toBe(0);
  });
});
