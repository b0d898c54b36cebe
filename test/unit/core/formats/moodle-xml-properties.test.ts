import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMoodleXml } from '@/core/formats/moodlexml/read-moodle-xml';
import { packToMoodleXml } from '@/core/formats/moodlexml/write-moodle-xml';
import { type Pack, validatePack } from '@/core/pack';
import { packArb } from './arbitraries';

const PIECES = [
  '<quiz>',
  '</quiz>',
  '<question type="multichoice">',
  '<question type="cloze">',
  '<question type="category">',
  '</question>',
  '<questiontext format="html"><text>',
  '</text></questiontext>',
  '<answer fraction="100"><text>',
  '<answer fraction="-50">',
  '</text></answer>',
  '<![CDATA[<p>{1:MULTICHOICE:=a~b}</p>]]>',
  '{2:NUMERICAL:=1:0.5~%50%2}',
  '[[1]]',
  '<file name="x.png" encoding="base64">iVBORw0KGgo=</file>',
  '<img src="@@PLUGINFILE@@/x.png">',
  '&amp;',
  '&#x41;',
  '&bogus;',
  '<!-- c -->',
  '<?xml version="1.0"?>',
  '<',
  '>',
  ' ',
  '\n',
];

describe('the Moodle XML reader', () => {
  it('never throws, and returns only packs that validate, on arbitrary text and XML-like fragments', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join('')),
          fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => `<quiz>${p.join('')}</quiz>`),
        ),
        (text) => {
          const { result } = readMoodleXml(text);
          if (result.ok) expect(validatePack(result.pack).ok).toBe(true);
          else expect(result.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('export → read keeps every question’s id and type (flashcards become typed)', () => {
    fc.assert(
      fc.property(packArb, (arb) => {
        const pack = arb as Pack;
        // Only blanks a student can answer (as core/grading/cloze.ts reads them): a choice blank with a
        // right option among at least two, a typed blank with an answer. Moodle's Cloze needs the same.
        const answerable = (body: string) => {
          const alts = (body.split('::')[0] ?? '')
            .split('|')
            .map((a) => a.trim())
            .filter(Boolean);
          if (!alts.some((a) => a.startsWith('~'))) return alts.length > 0;
          const options = new Set(alts.map((a) => a.replace(/^~/, '').trim()).filter(Boolean));
          return options.size >= 2 && alts.some((a) => !a.startsWith('~'));
        };
        const emptyOption = (q: Pack['questions'][number]) =>
          q.type === 'cloze' &&
          [...q.text.matchAll(/\{\{c\d+::(.*?)\}\}/gs)].some((m) => !answerable(m[1] ?? ''));
        fc.pre(!pack.questions.some(emptyOption));
        const { result } = readMoodleXml(packToMoodleXml(pack), { fileName: 'p.xml' });
        if (!result.ok)
          throw new Error(result.issues.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
        // Questions come back chapter by chapter.
        const byId = (a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]));
        expect(result.pack.questions.map((q) => [q.id, q.type]).sort(byId)).toEqual(
          pack.questions.map((q) => [q.id, q.type === 'flashcard' ? 'typed' : q.type]).sort(byId),
        );
      }),
      { numRuns: 25 },
    );
  });
});
