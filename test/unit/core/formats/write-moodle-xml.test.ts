import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '@/core/formats';
import { packToMoodleXml } from '@/core/formats/moodlexml/write-moodle-xml';
import type { PackMedia } from '@/core/pack/media';
import type { Pack, Question } from '@/core/pack/schema';
import { parsePackJson } from '@/core/pack/validate';
import { buildChapter, buildPack, buildSection } from '../../../support/questions';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const MP3 = Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 1, 2, 3]);

function readBack(xml: string) {
  const r = readPackFile('export.xml', new TextEncoder().encode(xml));
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r;
}

/**
 * What Moodle XML keeps of a question: all but its section (a chapter's sections become one category),
 * its evidence and cloze hints (no place in Moodle XML), and a title it never had (Moodle needs a name);
 * a numeric typed question keeps only numbers among its accepted answers.
 */
function kept(q: Question, back: Question): unknown {
  const { section: _s, evidence: _e, ...rest } = q;
  const out: Record<string, unknown> = { ...rest };
  if (q.title === undefined && back.title === q.id) out.title = q.id;
  // Moodle's numerical takes numbers only: other accepted phrasings of the number are left out.
  if (q.type === 'typed' && q.numeric)
    out.accept = q.accept.filter((a) => a.trim() !== '' && Number.isFinite(Number(a)));
  if (q.type === 'cloze') out.text = q.text.replace(/\{\{c(\d+)::(.*?)(::.*?)?\}\}/g, '{{c$1::$2}}');
  return out;
}

function withoutSection(q: Question): unknown {
  const { section: _s, ...rest } = q;
  return rest;
}

describe('packToMoodleXml', () => {
  it('round-trips the bundled course: export → read → the same questions and discussion prompts', () => {
    const parsed = parsePackJson(
      readFileSync(new URL('../../../../content/openai-microsoft.json', import.meta.url), 'utf8'),
    );
    if (!parsed.ok) throw new Error('the bundled course does not parse');
    const pack = parsed.pack;
    const back = readBack(packToMoodleXml(pack)).pack;
    // Flashcards have no Moodle type: they come back as typed questions with the back as the answer.
    const cards = pack.questions.filter((q) => q.type === 'flashcard');
    const others = pack.questions.filter((q) => q.type !== 'flashcard');
    const backOthers = back.questions.filter((q) => !cards.some((c) => c.id === q.id));
    expect(backOthers.map(withoutSection)).toEqual(others.map((q, i) => kept(q, backOthers[i] as Question)));
    for (const c of cards)
      expect(back.questions.find((q) => q.id === c.id)).toMatchObject({ type: 'typed', accept: [c.back] });
    // Discussion prompts come back chapter by chapter.
    const prompts = (p: Pack) =>
      p.discussions
        .map((d) => [d.id, d.prompt, d.points])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(prompts(back)).toEqual(prompts(pack));
    expect(back.chapters.map((c) => c.title)).toEqual(pack.chapters.map((c) => c.title));
  });

  it('embeds the images and audio the text refers to, and reads them back as the same media', () => {
    const pack: Pack = buildPack({
      chapters: [
        buildChapter({ title: 'A/B', sections: [buildSection({ body: 'See ![map](media:map.png)' })] }),
      ],
      questions: [
        {
          id: 'q1',
          section: 's1',
          type: 'multiple-choice',
          title: 'Listen',
          prompt: 'Hear [sound:hello.mp3] and look: ![the map](media:map.png)',
          choices: [
            { text: 'Left', correct: true, credit: 60, feedback: 'Most' },
            { text: 'Right', correct: true, credit: 40 },
            { text: 'Up', correct: false, credit: 0 },
          ],
          explanation: 'Both.',
          tags: ['audio'],
          hint: 'Listen twice.',
        },
      ],
    });
    const media: PackMedia[] = [
      { name: 'map.png', type: 'image/png', bytes: PNG },
      { name: 'hello.mp3', type: 'audio/mpeg', bytes: MP3 },
    ];
    const xml = packToMoodleXml(pack, media);
    expect(xml).toContain('@@PLUGINFILE@@/map.png');
    expect(xml).toContain('<text>$course$/top/A//B</text>');
    const r = readBack(xml);
    expect(r.pack.questions.map(withoutSection)).toEqual(pack.questions.map(withoutSection));
    expect(r.pack.chapters[0]).toMatchObject({
      title: 'A/B',
      sections: [{ body: 'See ![map](media:map.png)' }],
    });
    expect(r.media?.map((m) => [m.name, m.type, [...m.bytes]])).toEqual([
      ['map.png', 'image/png', [...PNG]],
      ['hello.mp3', 'audio/mpeg', [...MP3]],
    ]);
  });

  it('writes grades Moodle accepts: shares as Lectern grades them, off-list credit to the nearest grade', () => {
    const pack = buildPack({
      questions: [
        {
          id: 'odd',
          section: 's1',
          type: 'multiple-choice',
          prompt: 'Odd credit',
          choices: [
            { text: 'x', correct: true, credit: 67 },
            { text: 'y', correct: true, credit: 33 },
            { text: 'z', correct: false },
          ],
        },
      ],
    });
    const xml = packToMoodleXml(pack);
    // A wrong choice without credit cancels one right one, as Lectern grades it.
    expect([...xml.matchAll(/fraction="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '66.66667',
      '33.33333',
      '-50',
    ]);
    const q = readBack(xml).pack.questions[0];
    expect(q?.type === 'multiple-choice' && q.choices.map((c) => c.credit)).toEqual([
      66.66667, 33.33333, -50,
    ]);
  });
});
