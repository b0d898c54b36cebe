/** Small media files and a pack that shows them, built in code (tests never read ../shared). */
import type { Pack } from '../../renderer/src/core/pack/schema';

/** A valid 1×1 PNG (red). */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A second, different 1×1 PNG (its last data byte differs, so its hash differs). */
export const PNG_OTHER = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (c) => c.charCodeAt(0),
);

const enc = new TextEncoder();

/** An SVG that would run script, load remote content and embed HTML if it were ever put in the DOM. */
export const HOSTILE_SVG = enc.encode(
  `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40" onload="window.__svgRan='onload'">
  <script>window.__svgRan = 'script';</script>
  <rect width="40" height="40" fill="teal"/>
  <image href="https://example.com/tracker.png" width="1" height="1"/>
  <use xlink:href="https://example.com/sprite.svg#x"/>
  <foreignObject width="40" height="40"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__svgRan='foreignObject'"/></div></foreignObject>
</svg>
`,
);

/** ID3-tagged bytes: sniffed as MP3 (enough for type checks; not playable audio). */
export const MP3_HEAD = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]);

/** A pack whose first question shows `media:diagram.png` in its prompt, a choice and its explanation. */
export function imagePack(id = 'pics'): Pack {
  return {
    format: 'lectern-pack',
    formatVersion: 1,
    id,
    title: 'Pictures',
    language: 'en',
    version: '1',
    chapters: [
      {
        id: 'c1',
        title: 'Shapes',
        sections: [{ id: 's1', title: 'Shapes', body: 'A square:\n\n![a red square](media:diagram.png)' }],
      },
    ],
    questions: [
      {
        id: 'q1',
        section: 's1',
        type: 'multiple-choice',
        prompt: 'Which shape is this? ![the shape](media:diagram.png)',
        choices: [
          { text: 'A square', correct: true },
          { text: 'A circle ![a circle](media:logo.svg)', correct: false },
        ],
        explanation: 'It has four equal sides. ![the square again](media:diagram.png)',
      },
      {
        id: 'q2',
        section: 's1',
        type: 'flashcard',
        front: 'Name this sound [sound:bell.mp3]',
        back: 'A bell',
        backImages: ['diagram.png'],
      },
    ],
    discussions: [],
  };
}
