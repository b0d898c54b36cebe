import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readLecternZip } from '../../../../renderer/src/core/formats/lectern-zip/read-lectern-zip';
import { writeLecternZip } from '../../../../renderer/src/core/formats/lectern-zip/write-lectern-zip';
import { isZipBytes } from '../../../../renderer/src/core/formats/lectern-zip/zip-magic';
import { MAX_MEDIA_FILE_BYTES } from '../../../../renderer/src/core/media';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1 } from '../../../support/media-fixtures';

const MEDIA = [
  { name: 'diagram.png', type: 'image/png', bytes: PNG_1X1 },
  { name: 'logo.svg', type: 'image/svg+xml', bytes: HOSTILE_SVG },
  { name: 'bell.mp3', type: 'audio/mpeg', bytes: MP3_HEAD },
];

describe('.lectern files', () => {
  it('round-trip: pack.json and media/ come back as written, byte for byte', () => {
    const bytes = writeLecternZip(imagePack(), MEDIA);
    expect(isZipBytes(bytes)).toBe(true);
    const res = readLecternZip(bytes);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.pack).toEqual(imagePack());
    expect(res.media.map((m) => [m.name, m.type, m.bytes.length])).toEqual(
      MEDIA.map((m) => [m.name, m.type, m.bytes.length]),
    );
    expect(res.media[0]?.bytes).toEqual(PNG_1X1);
  });

  it('the same pack exports to the same bytes', () => {
    expect(writeLecternZip(imagePack(), MEDIA)).toEqual(writeLecternZip(imagePack(), MEDIA));
  });

  it('refuses an image the zip does not carry, naming it and its field with line:column of pack.json', () => {
    const res = readLecternZip(writeLecternZip(imagePack(), MEDIA.slice(0, 2)));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]?.message).toMatch(/sound "bell\.mp3" is not among the pack's media files/);
    expect(res.issues[0]?.line).toBeGreaterThan(1);
  });

  it('names a media file over the per-file limit without inflating it', () => {
    const big = new Uint8Array(MAX_MEDIA_FILE_BYTES + 1);
    const zip = zipSync({ 'pack.json': strToU8(JSON.stringify(imagePack())), media: { 'scan.png': big } });
    const res = readLecternZip(zip);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues[0]?.message).toMatch(/"media\/scan\.png" is 10\.0 MiB .*per media file/);
  });

  it('says what is wrong with a zip without pack.json, and with bytes that are no zip', () => {
    const none = readLecternZip(zipSync({ 'readme.txt': strToU8('hi') }));
    expect(!none.ok && none.issues[0]?.message).toBe('the .lectern file has no pack.json at its top level');
    const text = readLecternZip(strToU8('{"format":"lectern-pack"}'));
    expect(!text.ok && text.issues[0]?.message).toMatch(/is a zip archive, and this file is not one/);
    const cut = writeLecternZip(imagePack(), MEDIA).subarray(0, 200);
    expect(readLecternZip(cut).ok).toBe(false);
  });

  it('leaves out files outside media/ and media that is no image or sound, with warnings', () => {
    const zip = zipSync({
      'pack.json': strToU8(JSON.stringify({ ...imagePack(), questions: imagePack().questions.slice(0, 1) })),
      media: { 'diagram.png': PNG_1X1, 'logo.svg': HOSTILE_SVG, 'run.png': strToU8('<script>1</script>') },
      'extra/notes.txt': strToU8('x'),
    });
    const res = readLecternZip(zip);
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(res.media.map((m) => m.name)).toEqual(['diagram.png', 'logo.svg']);
    expect(res.warnings.map((w) => w.message)).toEqual([
      '"extra/notes.txt" is not pack.json or a file in media/: left out',
      expect.stringMatching(/"run\.png" is not an image or sound/),
    ]);
  });
});
