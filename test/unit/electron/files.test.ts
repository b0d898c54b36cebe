import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, isPackPath, readPackFile } from '../../../electron/files';

describe('reading users files', () => {
  it('decodes UTF-8 with and without BOM and UTF-16 with BOM', () => {
    expect(decodeText('a', new TextEncoder().encode('héllo'))).toBe('héllo');
    expect(decodeText('a', new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe('hi');
    expect(decodeText('a', new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]))).toBe('hi');
  });

  it('refuses Latin-1 with the line and column of the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('ok\nca'), 0xe9, 0x20, 0x21]);
    expect(() => decodeText('q.gift', bytes)).toThrow(/q\.gift:2:3: not UTF-8 \(byte 0xe9\)/);
  });

  it('refuses an oversized file before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-files-'));
    const path = join(dir, 'big.json');
    writeFileSync(path, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(path, 65 * 1024 * 1024);
    await expect(readPackFile(path, 'file')).rejects.toThrow(
      /big\.json is 65\.0 MiB; Lectern opens packs up to 64 MiB/,
    );
    // The refusal names its file for the screen's heading (not "a file opened with Lectern").
    await expect(readPackFile(path, 'file')).rejects.toMatchObject({ subject: 'big.json' });
  });

  it('recognises pack files on a command line', () => {
    expect(isPackPath('/home/u/quiz.gift')).toBe(true);
    expect(isPackPath('--inspect')).toBe(false);
    expect(isPackPath('/bin/ls')).toBe(false);
    expect(isPackPath('/home/u/Deck.apkg')).toBe(true);
    expect(isPackPath('/home/u/collection.colpkg')).toBe(true);
  });

  // Regression: File ▸ Import and files opened with Lectern read an Anki package as text (and the
  // dialog did not even offer .apkg), so such packages only imported when chosen or dropped.
  it('hands an Anki package over as its bytes, even when it is not a zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-files-'));
    const zip = join(dir, 'Deck.apkg');
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0, 0x80, 7]);
    writeFileSync(zip, bytes);
    const read = await readPackFile(zip, 'file');
    expect(read).toMatchObject({ name: 'Deck.apkg', text: '' });
    expect(Buffer.from(read.base64 ?? '', 'base64')).toEqual(Buffer.from(bytes));
    // Not a zip at all: still bytes, so the Anki reader (not the text decoder) says what is wrong.
    const broken = join(dir, 'broken.colpkg');
    writeFileSync(broken, new Uint8Array([0xe9, 0xe9]));
    expect(await readPackFile(broken, 'file')).toMatchObject({
      text: '',
      base64: Buffer.from([0xe9, 0xe9]).toString('base64'),
    });
  });

  it('lets a package with media past the text limit and refuses one past the archive limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-files-'));
    const { truncateSync } = await import('node:fs');
    const path = join(dir, 'huge.apkg');
    writeFileSync(path, '');
    truncateSync(path, 601 * 1024 * 1024);
    await expect(readPackFile(path, 'file')).rejects.toThrow(
      /huge\.apkg is 601\.0 MiB; Lectern opens packages with media \(\.lectern, \.apkg, \.colpkg\) up to 600 MiB/,
    );
  });
});
