/**
 * Issue 20: the sync engine is real. Two Syncthing instances on loopback only (config asserted before
 * they start, connections checked after) replicate the files Lectern's journal writes: a segment
 * written on one arrives on the other, and segments both write while paused ("offline") are all on
 * both once resumed — each device writes only its own files, so no conflict copy is ever made.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeSegment } from '../../electron/sync/folder';
import { decodeSegment, encodeSegment, eventIdMaker, segmentFileName } from '../../renderer/src/core/sync';
import { makePair, syncthingBinary } from '../support/syncthing';

const binary = syncthingBinary();

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  await expect
    .poll(async () => await check(), { message: what, timeout: timeoutMs, intervals: [250, 500, 1000] })
    .toBe(true);
}

const segmentsIn = (folder: string, device: string): string[] => {
  try {
    return readdirSync(join(folder, 'lectern-sync/devices', device)).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return [];
  }
};

test('two Syncthing instances on loopback carry each device’s journal segments to the other, offline writes included', async () => {
  test.skip(!binary, 'syncthing is not installed (.ci/run installs Debian’s syncthing)');
  test.setTimeout(180_000);
  const base = mkdtempSync(join(tmpdir(), 'lectern-syncthing-'));
  const folderA = join(base, 'laptop-folder');
  const folderB = join(base, 'desktop-folder');
  const [a, b] = await makePair(binary as string, base, folderA, folderB);
  try {
    a.start(binary as string);
    b.start(binary as string);
    await Promise.all([a.ready(), b.ready()]);
    await until('the two instances connect over loopback', () => a.connectedTo(b.config.deviceId));

    const idA = eventIdMaker('laptop01');
    const review = (id: string, at: number) => ({
      k: 'review' as const,
      id,
      at,
      card: 'p:q1',
      pack: 'p',
      chapter: 'c',
      rating: 3 as const,
      score: 1,
      correct: 1 as const,
      ms: 900,
    });
    const first = encodeSegment({ device: 'laptop01', name: 'Laptop', seq: 1, createdAt: 1 }, [
      review(idA(1000), 1000),
    ]);
    expect(await writeSegment(folderA, 'laptop01', segmentFileName(1), first)).toBe(true);
    await until(
      'the laptop’s segment arrives on the desktop',
      () => segmentsIn(folderB, 'laptop01').length === 1,
    );
    const arrived = readFileSync(join(folderB, 'lectern-sync/devices/laptop01', segmentFileName(1)), 'utf8');
    expect(decodeSegment(arrived).ok).toBe(true);

    // Offline: both pause, both write, then both resume.
    await Promise.all([a.setPaused(true), b.setPaused(true)]);
    const idB = eventIdMaker('desktop2');
    await writeSegment(
      folderA,
      'laptop01',
      segmentFileName(2),
      encodeSegment({ device: 'laptop01', name: 'Laptop', seq: 2, createdAt: 2 }, [review(idA(2000), 2000)]),
    );
    await writeSegment(
      folderB,
      'desktop2',
      segmentFileName(1),
      encodeSegment({ device: 'desktop2', name: 'Desktop', seq: 1, createdAt: 2 }, [review(idB(2001), 2001)]),
    );
    await Promise.all([a.setPaused(false), b.setPaused(false)]);
    await until(
      'after resuming, each side has both devices’ segments',
      () => segmentsIn(folderA, 'desktop2').length === 1 && segmentsIn(folderB, 'laptop01').length === 2,
    );
    for (const folder of [folderA, folderB])
      for (const device of ['laptop01', 'desktop2'])
        expect(
          segmentsIn(folder, device).every((f) => /^\d{10}\.jsonl$/.test(f)),
          'no conflict copies',
        ).toBe(true);

    for (const peer of [a, b])
      for (const address of await peer.remoteAddresses())
        expect(address).toMatch(/^(tcp:\/\/)?127\.\d+\.\d+\.\d+:\d+$/);
  } finally {
    a.stop();
    b.stop();
    rmSync(base, { recursive: true, force: true });
  }
});
