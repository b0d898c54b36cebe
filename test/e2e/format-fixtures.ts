/**
 * Input files the format specs build (an Anki package with an image and review history, a Moodle XML
 * bank with an embedded image), shared by the specs of each format and the formats journey.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASIC, buildPackage, CLOZE, TINY_PNG } from '../support/anki-package';

/** When the deck's reviews start. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

/**
 * `Anatomy.apkg` (the current format) in a fresh folder: an image-only Basic note `cellImg` (its
 * picture `cell.png`) and a Cloze note `mito` with two reviews.
 */
export async function writeDeck(): Promise<string> {
  const bytes = await buildPackage(
    {
      notetypes: [BASIC, CLOZE],
      decks: [{ id: 7, name: 'Anatomy::Cells' }],
      crt: Math.floor(T0 / 1000),
      notes: [
        {
          id: 1,
          guid: 'cellImg',
          mid: BASIC.id,
          fields: ['<img src="cell.png">', 'A cell'],
          cards: [{ id: 10, ord: 0, did: 7 }],
        },
        {
          id: 2,
          guid: 'mito',
          mid: CLOZE.id,
          fields: ['{{c1::Mitochondria}} make ATP', ''],
          tags: ['organelles'],
          cards: [{ id: 20, ord: 0, did: 7, type: 2, queue: 2, due: 5, ivl: 3 }],
        },
      ],
      reviews: [
        { id: T0, cid: 20, ease: 3, type: 0 },
        { id: T0 + 86_400_000, cid: 20, ease: 3, type: 1 },
      ],
    },
    'latest',
    { 'cell.png': TINY_PNG },
  );
  const file = join(mkdtempSync(join(tmpdir(), 'lectern-anki-')), 'Anatomy.apkg');
  writeFileSync(file, bytes);
  return file;
}

/** A 1×1 PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** `flags.xml`: a category, a multichoice question `flag-eu` with an embedded image, and a ddmarker question. */
export const BANK = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Flags of Europe</text></category></question>
  <question type="multichoice">
    <name><text>Which flag</text></name>
    <questiontext format="html"><text><![CDATA[<p>Whose flag is this? <img src="@@PLUGINFILE@@/flag.png" alt="a blue flag" /></p>]]></text>
      <file name="flag.png" path="/" encoding="base64">${PNG}</file></questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>It is the <b>European</b> flag.</p>]]></text></generalfeedback>
    <idnumber>flag-eu</idnumber>
    <single>true</single>
    <answer fraction="100"><text>The European Union's</text><feedback><text>Yes.</text></feedback></answer>
    <answer fraction="0"><text>Sweden's</text><feedback><text>No: Sweden's is blue and yellow, but a cross.</text></feedback></answer>
  </question>
  <question type="ddmarker"><name><text>Map of Europe</text></name><questiontext format="html"><text>Drop the markers.</text></questiontext></question>
</quiz>
`;
