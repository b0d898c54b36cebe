import { describe, expect, it } from 'vitest';
import { checkMarkdown } from '../../../../renderer/src/core/markdown/check';
import {
  checkMediaRefs,
  checkPackMedia,
  MAX_MEDIA_FILE_BYTES,
  sha256Hex,
  sniffMediaType,
} from '../../../../renderer/src/core/media';
import { mediaNameOf, mediaUrl } from '../../../../renderer/src/core/pack/media';
import { HOSTILE_SVG, imagePack, MP3_HEAD, PNG_1X1 } from '../../../support/media-fixtures';

const enc = new TextEncoder();

describe('sniffMediaType', () => {
  it('takes the type from the bytes, never from a name', () => {
    expect(sniffMediaType(PNG_1X1)).toBe('image/png');
    expect(sniffMediaType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(enc.encode('GIF89a...'))).toBe('image/gif');
    expect(sniffMediaType(enc.encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(HOSTILE_SVG)).toBe('image/svg+xml');
    expect(sniffMediaType(enc.encode('\uFEFF<!-- c --><!DOCTYPE svg><svg/>'))).toBe('image/svg+xml');
    expect(sniffMediaType(MP3_HEAD)).toBe('audio/mpeg');
    expect(sniffMediaType(enc.encode('OggS\0'))).toBe('audio/ogg');
    expect(sniffMediaType(enc.encode('RIFF\0\0\0\0WAVEfmt '))).toBe('audio/wav');
  });

  it('refuses HTML, script and text whatever they are called', () => {
    expect(sniffMediaType(enc.encode('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffMediaType(enc.encode('alert(1)'))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });
});

describe('checkPackMedia', () => {
  it('names the file over the per-file limit', () => {
    const big = new Uint8Array(MAX_MEDIA_FILE_BYTES + 1);
    big.set(PNG_1X1);
    const res = checkPackMedia([{ name: 'huge scan.png', type: 'image/png', bytes: big }]);
    expect(res.errors[0]?.message).toMatch(
      /"huge scan\.png" is 10\.0 MiB .*, over the limit of 10\.0 MiB .* per file/,
    );
  });

  it('keeps the sniffed type, leaves out what is no image or sound with a warning, refuses bad names', () => {
    const res = checkPackMedia([
      { name: 'a.jpg', type: 'image/jpeg', bytes: PNG_1X1 },
      { name: 'page.png', type: 'image/png', bytes: enc.encode('<html></html>') },
      { name: '../evil.png', type: 'image/png', bytes: PNG_1X1 },
    ]);
    expect(res.media.map((m) => [m.name, m.type])).toEqual([['a.jpg', 'image/png']]);
    expect(res.warnings[0]?.message).toMatch(/"page\.png" is not an image or sound/);
    expect(res.errors[0]?.message).toMatch(/"\.\.\/evil\.png" is not allowed/);
  });
});

describe('media references', () => {
  it('finds every missing file by field, and none when the pack carries them', () => {
    const pack = imagePack();
    expect(checkMediaRefs(pack, new Set(['diagram.png', 'logo.svg', 'bell.mp3']))).toEqual([]);
    const missing = checkMediaRefs(pack, new Set(['diagram.png']));
    expect(missing.map((d) => [d.path, d.message.split(' is ')[0]])).toEqual([
      [['questions', 0, 'choices', 1, 'text'], 'image "logo.svg"'],
      [['questions', 1, 'front'], 'sound "bell.mp3"'],
    ]);
  });

  it('round-trips names with spaces and brackets through media: URLs', () => {
    const name = 'my scan (1) 100%.png';
    expect(mediaNameOf(mediaUrl(name))).toBe(name);
    expect(mediaUrl(name)).not.toMatch(/\s/);
  });

  it('checkMarkdown accepts media:NAME and still refuses remote images', () => {
    expect(checkMarkdown('![a](media:diagram.png)')).toEqual([]);
    expect(checkMarkdown('![a](https://example.com/x.png)')[0]?.message).toMatch(/would load from outside/);
    expect(checkMarkdown('![a](media://example.com/x.png)')[0]?.message).toMatch(/would load from outside/);
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the bytes', async () => {
    expect(await sha256Hex(enc.encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
