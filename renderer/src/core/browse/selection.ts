/**
 * Choosing many rows of a list as file managers do: a click chooses one row, Ctrl/Cmd-click adds or
 * drops one, Shift-click chooses the range from the anchor (the last row clicked alone or with
 * Ctrl/Cmd) to the row clicked, Ctrl/Cmd-A chooses every row shown. Pure; rows are named by key and
 * ranges follow the order shown.
 */

export interface Selection {
  keys: ReadonlySet<string>;
  /** Where a Shift range starts; null before any click. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { keys: new Set(), anchor: null };

/** How a row was chosen. */
export interface PickModifiers {
  /** Shift: extend a range from the anchor. */
  range?: boolean;
  /** Ctrl or Cmd: add or drop one row. */
  toggle?: boolean;
}

/** The selection after the row `key` of `shown` (keys in the order shown) is picked. */
export function pickRow(
  sel: Selection,
  shown: readonly string[],
  key: string,
  mods: PickModifiers = {},
): Selection {
  if (mods.range && sel.anchor !== null) {
    const from = shown.indexOf(sel.anchor);
    const to = shown.indexOf(key);
    if (from >= 0 && to >= 0) {
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const keys = new Set(mods.toggle ? sel.keys : []);
      for (let i = lo; i <= hi; i++) keys.add(shown[i] as string);
      return { keys, anchor: sel.anchor };
    }
  }
  if (mods.toggle) return toggleRow(sel, key);
  return { keys: new Set([key]), anchor: key };
}

/** Adds `key` to the selection or drops it (Space, Ctrl/Cmd-click); it becomes the anchor. */
export function toggleRow(sel: Selection, key: string): Selection {
  const keys = new Set(sel.keys);
  if (keys.has(key)) keys.delete(key);
  else keys.add(key);
  return { keys, anchor: key };
}

/** Every row shown. */
export function selectAll(shown: readonly string[]): Selection {
  return { keys: new Set(shown), anchor: shown[0] ?? null };
}

/** Keeps only the rows still shown (after the filter changed), in the order shown. */
export function keepShown(sel: Selection, shown: readonly string[]): Selection {
  if (sel.keys.size === 0) return sel;
  const keys = new Set(shown.filter((k) => sel.keys.has(k)));
  if (keys.size === sel.keys.size) return sel;
  return { keys, anchor: sel.anchor !== null && keys.has(sel.anchor) ? sel.anchor : null };
}
