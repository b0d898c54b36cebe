import { describe, expect, it } from 'vitest';
import {
  decodeSegment,
  encodeSegment,
  eventIdMaker,
  parseSegmentFileName,
  type SyncEvent,
  segmentFileName,
} from '../../../../renderer/src/core/sync';

const next = eventIdMaker('laptop01');
const events: SyncEvent[] = [
  {
    k: 'review',
    id: next(1000),
    at: 1000,
    card: 'p:q1',
    pack: 'p',
    chapter: 'c',
    rating: 3,
    score: 1,
    correct: 1,
    ms: 800,
  },
  { k: 'setting', id: next(1000), at: 1000, key: 'theme', value: { mode: 'dark' } },
];
const header = { device: 'laptop01', name: 'Laptop', seq: 3, createdAt: 2000 };

describe('sync segments (issue 20)', () => {
  it('round-trips a segment', () => {
    const read = decodeSegment(encodeSegment(header, events));
    expect(read).toEqual({ ok: true, header: expect.objectContaining({ ...header, count: 2 }), events });
  });

  it('makes unique, time-ordered event ids within one millisecond', () => {
    const make = eventIdMaker('desktop2');
    const ids = [make(5), make(5), make(5), make(6)];
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort()).toEqual(ids);
  });

  it('calls a file cut short incomplete (read again later), never half-applied', () => {
    const text = encodeSegment(header, events);
    for (const cut of [text.length - 1, text.indexOf('\n') + 5, 20]) {
      const read = decodeSegment(text.slice(0, cut));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.problem).toBe('incomplete');
    }
  });

  it('calls a changed byte damaged and a stranger’s file foreign', () => {
    const text = encodeSegment(header, events);
    const flipped = text.replace('"rating":3', '"rating":4');
    expect(decodeSegment(flipped)).toMatchObject({ ok: false, problem: 'damaged' });
    expect(decodeSegment('hello\nworld\n')).toMatchObject({ ok: false, problem: 'foreign' });
    expect(decodeSegment('{"format":"something-else"}\n')).toMatchObject({ ok: false, problem: 'foreign' });
    const newer = text.replace('"version":1', '"version":9');
    expect(decodeSegment(newer)).toMatchObject({
      ok: false,
      problem: 'foreign',
      message: expect.stringContaining('newer Lectern'),
    });
  });

  it('refuses an event that is not one, naming its line', () => {
    const bad = encodeSegment(header, [{ ...events[0], rating: 7 } as unknown as SyncEvent]);
    expect(decodeSegment(bad)).toMatchObject({
      ok: false,
      problem: 'damaged',
      message: expect.stringContaining('line 2'),
    });
  });

  it('names segments so they sort, and reads sync engines’ conflict copies as extra segments', () => {
    expect(segmentFileName(12)).toBe('0000000012.jsonl');
    expect(parseSegmentFileName('0000000012.jsonl')).toEqual({ seq: 12, copy: false });
    expect(parseSegmentFileName('0000000012.sync-conflict-20261207-101010-ABCDEFG.jsonl')).toEqual({
      seq: 12,
      copy: true,
    });
    expect(parseSegmentFileName('0000000012 (conflicted copy).jsonl')).toEqual({ seq: 12, copy: true });
    expect(parseSegmentFileName('.0000000012.jsonl.tmp')).toBeNull();
    expect(parseSegmentFileName('notes.txt')).toBeNull();
  });
});
