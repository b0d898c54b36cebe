import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../../renderer/src/core/formats/anki/read-anki';
import {
  BASIC,
  buildPackage,
  CLOZE,
  loadSql,
  type TestCollection,
  TINY_PNG,
  TYPING,
} from '../../../support/anki-package';

const DECK = { id: 2000, name: 'Biology::Cells' };

function collection(): TestCollection {
  return {
    notetypes: [BASIC, CLOZE, TYPING],
    decks: [{ id: 1, name: 'Default' }, DECK],
    notes: [
      {
        id: 11,
        guid: 'guidBasic1',
        mid: BASIC.id,
        fields: ['What is a <b>cell</b>?', 'The unit of life &amp; growth'],
        tags: ['bio', 'cells'],
        cards: [
          { id: 111, ord: 0, did: DECK.id, type: 2, queue: 2, due: 10, ivl: 5 },
          { id: 112, ord: 1, did: DECK.id },
        ],
      },
      {
        id: 12,
        guid: 'g/cloze#2',
        mid: CLOZE.id,
        fields: ['{{c1::Mitochondria}} make {{c2::ATP::energy}} <img src="mito.png">', 'Extra <i>fact</i>'],
        cards: [
          { id: 121, ord: 0, did: DECK.id },
          { id: 122, ord: 1, did: DECK.id },
        ],
      },
      {
        id: 13,
        guid: 'imgOnly',
        mid: BASIC.id,
        fields: ['<img src="cell diagram.png">', 'A cell'],
        cards: [{ id: 131, ord: 0, did: DECK.id }],
      },
      {
        id: 14,
        guid: 'typed1',
        mid: TYPING.id,
        fields: ['Capital of France?', 'Paris'],
        cards: [{ id: 141, ord: 0, did: 1 }],
      },
      {
        id: 15,
        guid: 'emptyCloze',
        mid: CLOZE.id,
        fields: ['no deletion here', ''],
        cards: [{ id: 151, ord: 0, did: 1 }],
      },
    ],
    reviews: [
      { id: 1_700_000_000_000, cid: 111, ease: 3, type: 0 },
      { id: 1_700_086_400_000, cid: 111, ease: 1, type: 1 },
      { id: 1_700_172_800_000, cid: 111, ease: 0, type: 4 },
      { id: 1_700_259_200_000, cid: 122, ease: 4, type: 0 },
    ],
  };
}

const media = {
  'mito.png': TINY_PNG,
  'cell diagram.png': TINY_PNG,
  '_font.ttf': new Uint8Array([0, 1, 0, 0, 0]),
};

describe.each(['legacy1', 'legacy2', 'latest'] as const)('Anki package %s', (version) => {
  it('reads notes, decks, tags, media and review history (never the stub collection)', async () => {
    const SQL = await loadSql();
    const bytes = await buildPackage(collection(), version, media);
    const r = readAnkiPackage('Biology.apkg', bytes, SQL);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.counts.version).toBe(version);
    expect(r.counts.notes).toBe(5);
    const byId = new Map(r.pack.questions.map((q) => [q.id, q]));
    // Ids from the GUID (made valid when it is not), one per card of a Basic note; the empty cloze is skipped.
    expect([...byId.keys()].filter((id) => !id.startsWith('g-cloze-2-')).sort()).toEqual([
      'guidBasic1',
      'guidBasic1.c2',
      'imgOnly',
      'typed1',
    ]);
    expect(r.pack.questions).toHaveLength(5);
    expect(byId.get('guidBasic1')).toMatchObject({
      type: 'flashcard',
      front: 'What is a cell?',
      back: 'The unit of life & growth',
      tags: ['bio', 'cells'],
    });
    expect(byId.get('guidBasic1.c2')).toMatchObject({
      front: 'The unit of life & growth',
      back: 'What is a cell?',
    });
    const cloze = r.pack.questions.find((q) => q.type === 'cloze');
    expect(cloze).toMatchObject({
      text: '{{c1::Mitochondria}} make {{c2::ATP::energy}} ![](media:mito.png)',
      explanation: 'Extra fact',
    });
    expect(byId.get('imgOnly')).toMatchObject({
      type: 'flashcard',
      front: '',
      frontImages: ['cell_diagram.png'],
    });
    expect(byId.get('typed1')).toMatchObject({
      type: 'typed',
      prompt: 'Capital of France?',
      accept: ['Paris'],
    });
    expect(r.pack.chapters.map((c) => c.title).sort()).toEqual(['Biology / Cells', 'Default']);
    expect(r.media.map((m) => [m.name, m.type]).sort()).toEqual([
      ['cell_diagram.png', 'image/png'],
      ['mito.png', 'image/png'],
    ]);
    expect(r.warnings.find((w) => w.note === '15')?.message).toMatch(/no deletion/);
    expect(r.warnings.some((w) => /neither an image nor audio.*_font\.ttf/.test(w.message))).toBe(true);
    const basic = r.history.find((h) => h.questionId === 'guidBasic1');
    expect(basic?.reviews.map((x) => x.rating)).toEqual([3, 1]);
    // A cloze note's history is its most-reviewed card's.
    expect(r.history.find((h) => h.questionId === cloze?.id)?.reviews.map((x) => x.rating)).toEqual([4]);
  });
});

describe('Anki package errors', () => {
  it('refuses a zip without a collection, and bytes that are no zip, with a message', async () => {
    const SQL = await loadSql();
    const { zipSync } = await import('fflate');
    const noCollection = readAnkiPackage('x.apkg', zipSync({ 'readme.txt': new Uint8Array([65]) }), SQL);
    expect(noCollection.ok ? '' : noCollection.issues[0]?.message).toMatch(/holds no Anki collection/);
    const notZip = readAnkiPackage('x.apkg', new TextEncoder().encode('hello'), SQL);
    expect(notZip.ok ? '' : notZip.issues[0]?.message).toMatch(/not a zip/);
  });

  it('keeps Anki FSRS memory and due where the card has them', async () => {
    const SQL = await loadSql();
    const c = collection();
    const first = c.notes[0]?.cards[0];
    if (first) first.data = '{"s":12.5,"d":4.2,"dr":0.9}';
    const r = readAnkiPackage('b.apkg', await buildPackage(c, 'latest'), SQL);
    if (!r.ok) throw new Error('not read');
    expect(r.history.find((h) => h.questionId === 'guidBasic1')?.memory).toEqual({
      stability: 12.5,
      difficulty: 4.2,
      dueMs: (1_700_000_000 + 10 * 86_400) * 1000,
    });
  });
});

describe('Anki notes as questions', () => {
  it('keeps question ids when a note is edited, so re-importing an updated deck keeps progress', async () => {
    const SQL = await loadSql();
    const v1 = readAnkiPackage('d.apkg', await buildPackage(collection(), 'legacy2'), SQL);
    const edited = collection();
    const first = edited.notes[0];
    if (first) first.fields = ['What is a cell, exactly?', 'The unit of life'];
    const v2 = readAnkiPackage('d.apkg', await buildPackage(edited, 'legacy2'), SQL);
    if (!v1.ok || !v2.ok) throw new Error('not read');
    expect(v2.pack.id).toBe(v1.pack.id);
    expect(v2.pack.questions.map((q) => q.id)).toEqual(v1.pack.questions.map((q) => q.id));
    expect(v2.pack.questions[0]).toMatchObject({ id: 'guidBasic1', front: 'What is a cell, exactly?' });
  });

  it('reduces hostile field HTML to text: scripts, styles and handlers never reach the pack', async () => {
    const SQL = await loadSql();
    const c = collection();
    c.notes = [
      {
        id: 21,
        guid: 'hostile',
        mid: BASIC.id,
        fields: [
          '<script>alert(1)</script><style>b{}</style><b onclick="x()">Bold</b> &lt;i&gt;',
          '<img src="x.png" onerror="alert(2)"><a href="javascript:alert(3)">link</a>',
        ],
        cards: [{ id: 211, ord: 0, did: 1 }],
      },
    ];
    const r = readAnkiPackage('h.apkg', await buildPackage(c, 'legacy1'), SQL);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const q = r.pack.questions[0];
    expect(q).toMatchObject({ front: 'Bold <i>', back: 'link' });
    expect(JSON.stringify(q)).not.toMatch(/alert|onclick|onerror|javascript/);
    // x.png is referenced but not in the package: said once, never a broken reference.
    expect(
      r.warnings.some((w) => /1 media file is referenced but not in the package \(x\.png\)/.test(w.message)),
    ).toBe(true);
  });

  it('reads a note type other than Basic or Cloze from its first two fields, with one warning', async () => {
    const SQL = await loadSql();
    const c = collection();
    const vocab = {
      id: 1009,
      name: 'Vocabulary',
      fields: ['Word', 'Meaning', 'Example'],
      templates: [
        { name: 'Recall', qfmt: '{{Meaning}}<br>{{Example}}', afmt: '{{FrontSide}}<hr id=answer>{{Word}}' },
      ],
    };
    c.notetypes.push(vocab);
    c.notes = [
      {
        id: 31,
        guid: 'v1',
        mid: vocab.id,
        fields: ['chat', 'cat', 'Le chat dort.'],
        cards: [{ id: 311, ord: 0, did: 1 }],
      },
    ];
    const r = readAnkiPackage('v.apkg', await buildPackage(c, 'latest'), SQL);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.pack.questions).toEqual([
      expect.objectContaining({ id: 'v1', type: 'flashcard', front: 'chat', back: 'cat' }),
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      'note type "Vocabulary" (1 note) is not Basic or Cloze: each note became a flashcard from its first two fields',
    );
  });

  it('skips a card Lectern cannot hold with a warning at its note, importing the rest', async () => {
    const SQL = await loadSql();
    const c = collection();
    c.notes.push({
      id: 41,
      guid: 'huge',
      mid: CLOZE.id,
      fields: [`{{c1::x}} ${'long '.repeat(5000)}`, ''],
      cards: [{ id: 411, ord: 0, did: 1 }],
    });
    const r = readAnkiPackage('l.apkg', await buildPackage(c, 'legacy1'), SQL);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.pack.questions.map((q) => q.id)).not.toContain('huge');
    expect(r.pack.questions).toHaveLength(5);
    expect(r.warnings.find((w) => w.note === '41')?.message).toMatch(
      /^this card cannot be studied in Lectern \(text: .*\): it is skipped$/,
    );
  });
});
