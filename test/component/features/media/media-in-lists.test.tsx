/**
 * Regression: Browse and Stats showed a question's media as its raw text (`![](media:x)`,
 * `[sound:x]`). The statistics' hardest questions and Browse's history dialog show the pictures;
 * the Browse grid's one-line cells name them ("[image: alt]").
 */
import { Blob as NodeBlob } from 'node:buffer';
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowseRow } from '@/core/browse';
import { finishTest } from '@/core/selftest';
import { applyImportWithMedia, hashPackMedia } from '@/db/repos/media-repo';
import { db } from '@/db/schema/database';
import { cardKey, type PackRow, type QuestionRow } from '@/db/schema/rows';
import { HistoryDialog } from '@/features/browse/HistoryDialog';
import { Report } from '@/features/selftest/Report';
import { HardestQuestions } from '@/features/stats/HardestQuestions';
import type { HardQuestionDetail } from '@/ops/stats';
import { MediaLabelText } from '@/ui/media/MediaLabels';
import { imagePack, MP3_HEAD, PNG_1X1 } from '../../../support/media-fixtures';
import { buildSelfTest } from '../../../support/selftest';

vi.mock('@/platform/bridge', () => ({ invoke: vi.fn(async () => ({ ok: true, value: undefined })) }));

const pack = imagePack('listed');
const question = pack.questions[0];
if (!question) throw new Error('fixture');
const prompt = 'Which shape is this? ![the shape](media:diagram.png) [sound:bell.mp3]';

beforeAll(async () => {
  // happy-dom's Blob does not survive fake-indexeddb's structured clone (Chromium's does): use Node's.
  vi.stubGlobal('Blob', NodeBlob);
  const media = [
    { name: 'diagram.png', type: 'image/png', bytes: PNG_1X1 },
    { name: 'logo.svg', type: 'image/svg+xml', bytes: PNG_1X1 },
    { name: 'bell.mp3', type: 'audio/mpeg', bytes: MP3_HEAD },
  ];
  const meta = { origin: 'imported', format: 'lectern', contentHash: 'h' } as const;
  await applyImportWithMedia(db, pack, meta, Date.UTC(2025, 0, 1), await hashPackMedia(media));
});

describe('media where questions are listed', () => {
  it('the hardest questions show the picture and a play button, not the reference', async () => {
    const hard: HardQuestionDetail = {
      key: 'listed:q1',
      packId: 'listed',
      chapterId: 'c1',
      order: 0,
      lapses: 3,
      stability: 1,
      questionId: 'q1',
      section: 's1',
      type: 'multiple-choice',
      question: { ...question, prompt } as HardQuestionDetail['question'],
    };
    const { container } = render(<HardestQuestions hardest={[hard]} names={undefined} />);
    const img = await screen.findByRole('img', { name: 'the shape' });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(await screen.findByRole('button', { name: 'Play sound bell.mp3' })).toBeTruthy();
    expect(container.textContent).not.toContain('media:');
    expect(container.textContent).not.toContain('[sound:');
  });

  it("Browse's history dialog shows the question's picture", async () => {
    const row = {
      key: 'listed:q1',
      packId: 'listed',
      packRank: 0,
      chapterId: 'c1',
      section: 's1',
      order: 0,
      type: 'multiple-choice',
      prompt,
      answer: 'A square',
      tags: [],
      haystack: '',
      state: 'new',
      suspended: false,
      flagged: false,
      removed: false,
      due: null,
      reps: 0,
      lapses: 0,
    } satisfies BrowseRow;
    render(<HistoryDialog row={row} onClose={() => {}} onReadInContext={() => {}} />);
    const img = await screen.findByRole('img', { name: 'the shape', hidden: true });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
  });

  it("the self-test report's missed question shows its picture, not the alt text", async () => {
    const state = finishTest(buildSelfTest({ count: 1 }), 1_700_000_090_000);
    const row: QuestionRow = {
      key: cardKey('listed', 'q1'),
      packId: 'listed',
      id: 'q1',
      chapterId: 'c1',
      section: 's1',
      type: question.type,
      order: 0,
      question: { ...question, prompt } as QuestionRow['question'],
      removed: 0,
    };
    const packs = new Map([
      ['listed', { id: 'listed', title: 'Listed', chapters: [] } as unknown as PackRow],
    ]);
    const { container } = render(<Report test={{ id: 1, packIds: [], state }} rows={[row]} packs={packs} />);
    const missed = screen.getByRole('region', { name: /missed/i });
    const img = await within(missed).findByRole('img', { name: 'the shape' });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(within(missed).getByRole('heading', { level: 3 }).textContent).toContain('Which shape is this?');
    expect(container.textContent).not.toContain('media:');
    expect(container.textContent).not.toContain('[image:');
  });

  it("the Browse grid's cells name images and sounds in one line", () => {
    const { container } = render(<MediaLabelText text={`${prompt} ![](media:other%20one.png)`} />);
    expect(container.textContent).toBe(
      'Which shape is this? [image: the shape] [sound: bell.mp3] [image: other one.png]',
    );
    expect(container.querySelector('img, button')).toBeNull();
  });
});
