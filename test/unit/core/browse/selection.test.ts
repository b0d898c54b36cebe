import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  keepShown,
  pickRow,
  selectAll,
  toggleRow,
} from '../../../../renderer/src/core/browse';

const shown = ['a', 'b', 'c', 'd', 'e'];
const keys = (s: { keys: ReadonlySet<string> }) => [...s.keys].sort();

describe('selection', () => {
  it('a click chooses one row; Shift-click chooses the range from it, either way', () => {
    const one = pickRow(EMPTY_SELECTION, shown, 'b');
    expect(keys(one)).toEqual(['b']);
    expect(keys(pickRow(one, shown, 'd', { range: true }))).toEqual(['b', 'c', 'd']);
    expect(keys(pickRow(one, shown, 'a', { range: true }))).toEqual(['a', 'b']);
  });
  it('Ctrl/Cmd-click adds or drops one row and Ctrl+Shift adds a range to what is chosen', () => {
    let s = pickRow(EMPTY_SELECTION, shown, 'a');
    s = pickRow(s, shown, 'e', { toggle: true });
    expect(keys(s)).toEqual(['a', 'e']);
    s = pickRow(s, shown, 'c', { toggle: true, range: true });
    expect(keys(s)).toEqual(['a', 'c', 'd', 'e']);
    expect(keys(toggleRow(s, 'a'))).toEqual(['c', 'd', 'e']);
  });
  it('Shift-click with no anchor chooses the row alone', () => {
    expect(keys(pickRow(EMPTY_SELECTION, shown, 'c', { range: true }))).toEqual(['c']);
  });
  it('select all takes every row shown; a narrower list keeps only the rows still shown', () => {
    const all = selectAll(shown);
    expect(all.keys.size).toBe(5);
    const kept = keepShown(all, ['b', 'z']);
    expect(keys(kept)).toEqual(['b']);
    expect(kept.anchor).toBeNull();
  });
});
