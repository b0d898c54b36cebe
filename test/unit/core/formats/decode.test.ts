import { describe, expect, it } from 'vitest';
import {
  checkPackSize,
  decodePackBytes,
  MAX_PACK_BYTES,
  readPackFile,
} from '../../../../renderer/src/core/formats';
import { readFixture } from './fixtures';

function prompts(path: string): string[] {
  const result = readPackFile(path, readFixture(`encoding/${path}`));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pack.questions.map((q) => (q.type === 'true-false' ? q.prompt : ''));
}

describe('decoding pack files', () => {
  it('reads UTF-8 with a BOM and CRLF line ends', () => {
    expect(prompts('utf8-bom-crlf.gift')).toEqual(['Café crème?', 'Über?']);
  });

  it('converts UTF-16 little- and big-endian when a BOM says so', () => {
    expect(prompts('utf16le-bom.gift')).toEqual(['Café crème?', 'Über?']);
    expect(prompts('utf16be-bom.gift')).toEqual(['Café crème?', 'Über?']);
    expect(decodePackBytes(readFixture('encoding/utf16be-bom.gift'))).toMatchObject({
      ok: true,
      encoding: 'utf-16be',
    });
  });

  it('refuses UTF-16 without a BOM, naming the place of the first NUL', () => {
    const result = readPackFile('x.gift', readFixture('encoding/utf16le-no-bom.gift'));
    expect(result.ok ? [] : result.issues).toEqual([
      {
        message:
          'the file contains a NUL byte: it is probably UTF-16 without a byte-order mark, or not text at all; save it as UTF-8',
        line: 1,
        column: 2,
      },
    ]);
  });

  it('refuses Latin-1 with the line and column of the first bad byte', () => {
    const result = readPackFile('latin1.gift', readFixture('encoding/latin1.gift'));
    expect(result.ok ? [] : result.issues).toEqual([
      {
        message:
          'the file is not UTF-8: byte 0xE9 cannot start a UTF-8 character (the file may be Windows-1252 or Latin-1); save it as UTF-8',
        line: 4,
        column: 4,
      },
    ]);
  });

  it('counts characters, not bytes, for the column of a bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('ab\nçé😀'), 0xff]);
    const result = decodePackBytes(bytes);
    expect(result.ok ? null : [result.issue.line, result.issue.column]).toEqual([2, 5]);
  });

  it('refuses a truncated multi-byte character and overlong encodings', () => {
    expect(decodePackBytes(new Uint8Array([0x41, 0xe2, 0x82]))).toMatchObject({
      ok: false,
      issue: { line: 1, column: 2 },
    });
    expect(decodePackBytes(new Uint8Array([0xc0, 0xaf]))).toMatchObject({
      ok: false,
      issue: { line: 1, column: 1 },
    });
  });

  it('refuses files over the 64 MiB limit before decoding, saying the size and the limit', () => {
    expect(MAX_PACK_BYTES).toBe(67_108_864);
    expect(checkPackSize(MAX_PACK_BYTES)).toBeNull();
    expect(checkPackSize(MAX_PACK_BYTES + 1)?.message).toBe(
      'the file is 64.0 MiB (67,108,865 bytes), over the limit of 64.0 MiB (67,108,864 bytes) for a pack: split it into smaller packs',
    );
    const big = new Uint8Array(MAX_PACK_BYTES + 10);
    const result = readPackFile('big.json', big);
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(
      /^the file is 64\.0 MiB \(67,108,874 bytes\), over the limit/,
    );
  });

  it('measures strings by their UTF-8 size', () => {
    const text = 'é'.repeat(MAX_PACK_BYTES / 2 + 1);
    expect(decodePackBytes(text)).toMatchObject({ ok: false });
    expect(decodePackBytes('\uFEFFQ{T}')).toMatchObject({ ok: true, text: 'Q{T}' });
  });
});
