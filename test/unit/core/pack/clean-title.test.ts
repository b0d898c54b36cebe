import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../../renderer/src/core/pack/validate';
import { buildDiscussionSheet, discussionSheetHtml } from '../../../../renderer/src/core/selftest';

const RLO = '\u202E';
const PDF = '\u202C';

function pack(title: string, chapterTitle: string) {
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    id: 'p',
    title,
    language: 'en',
    version: '1',
    chapters: [{ id: 'c', title: chapterTitle, sections: [{ id: 's', title: `Sec${RLO}tion`, body: '' }] }],
    questions: [{ id: 'q', type: 'flashcard', section: 's', front: 'f', back: 'b' }],
    discussions: [{ id: 'd', prompt: 'Talk', points: [], sections: ['s'] }],
  };
}

describe('titles with bidi overrides and NUL were shown as-is', () => {
  it('"Pay \\u202Egpj.exe\\u202C" reads as what it is, in the app and in the PDF', () => {
    const r = validatePack(pack(`Pay ${RLO}gpj.exe${PDF}`, 'Chap\u0000ter \u2066one\u2069'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.title).toBe('Pay gpj.exe');
    expect(r.pack.chapters[0]?.title).toBe('Chapter one');
    expect(r.pack.chapters[0]?.sections[0]?.title).toBe('Section');
    const html = discussionSheetHtml(buildDiscussionSheet(r.pack, [], []));
    const raw = discussionSheetHtml({
      ...buildDiscussionSheet(r.pack, [], []),
      packTitle: `Pay ${RLO}gpj.exe${PDF}`,
    });
    for (const doc of [html, raw])
      for (const hidden of [RLO, PDF, '\u2066', '\u2069', '\u0000']) expect(doc).not.toContain(hidden);
    expect(raw).toContain('Discussion sheet: Pay gpj.exe');
  });
});
