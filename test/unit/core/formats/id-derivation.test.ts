/**
 * Imports that never finish (issue 19, item 2): deriving a unique id probed `-2`, `-3`, … from 2 for every
 * duplicate, so n identical questions cost O(n²). These tests pin that the ids stay exactly what they
 * were (progress is keyed by them) and that the work done is linear, counted rather than timed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../../renderer/src/core/formats';
import { MAX_BLOCK_PARTS, parseAnswerBlock } from '../../../../renderer/src/core/formats/gift/gift-answers';
import { type DraftId, PackBuilder } from '../../../../renderer/src/core/formats/pack-builder';

const AT = { line: 1, column: 1 };

/** The id rule as it was before the fix, used as the reference: first free of base, base-2, base-3, … */
function referenceIds(drafts: readonly DraftId[]): (string | undefined)[] {
  const used = new Set<string>();
  return drafts.map((d) => {
    if (d.explicit) {
      if (used.has(d.value)) return undefined;
      used.add(d.value);
      return d.value;
    }
    let id = d.value;
    if (used.has(id))
      for (let n = 2; ; n++) {
        id = `${d.value.slice(0, 110)}-${n}`;
        if (!used.has(id)) break;
      }
    used.add(id);
    return id;
  });
}

function builderIds(drafts: readonly DraftId[]): { ids: (string | undefined)[]; probes: number } {
  const builder = new PackBuilder({ id: 'p', title: 'P' });
  const ids = drafts.map((d) => {
    const q: Record<string, unknown> = { type: 'flashcard', front: 'f', back: 'b' };
    const before = builder.questionCount;
    builder.addQuestion(q, d, new Map());
    return builder.questionCount > before ? (q.id as string) : undefined;
  });
  return { ids, probes: builder.idProbeCount };
}

const long = 'a'.repeat(115);
const draftArb = fc.record({
  value: fc.constantFrom('q', 'q-2', 'q-3', 'q-2-2', 'r', long, `${long.slice(0, 110)}-2`),
  explicit: fc.boolean(),
  at: fc.constant(AT),
});

describe('derived question ids (identical questions imported in linear time)', () => {
  it('are exactly the ids the old probing rule gave, for any mix of derived and explicit ids', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 40 }), (drafts) => {
        expect(builderIds(drafts).ids).toEqual(referenceIds(drafts));
      }),
      { numRuns: 300 },
    );
  });

  it('keep the ids of identical GIFT, CSV and Aiken questions as before', () => {
    const gift = readPackFile('same.gift', 'Two plus two? {=four ~three}\n\n'.repeat(4));
    const csv = readPackFile('same.csv', 'Two plus two?,four\n'.repeat(3));
    const aiken = readPackFile('same.txt', 'Two plus two?\nA. four\nB. three\nANSWER: A\n\n'.repeat(3));
    for (const r of [gift, csv, aiken]) expect(r.ok).toBe(true);
    const ids = (r: typeof gift) => (r.ok ? r.pack.questions.map((q) => q.id) : []);
    const [g] = ids(gift);
    expect(ids(gift)).toEqual([g, `${g}-2`, `${g}-3`, `${g}-4`]);
    const [c] = ids(csv);
    expect(ids(csv)).toEqual([c, `${c}-2`, `${c}-3`]);
    const [a] = ids(aiken);
    expect(ids(aiken)).toEqual([a, `${a}-2`, `${a}-3`]);
    // The derived base itself is pinned elsewhere; here only that it is the content hash form.
    expect(g).toMatch(/^[a-z0-9-]+-[0-9a-f]{12}$/);
  });

  it('try a number of candidates linear in the questions (16k identical: < 2 probes each)', () => {
    const n = 16_000;
    const drafts = Array.from({ length: n }, () => ({ value: 'q', explicit: false, at: AT }));
    const { ids, probes } = builderIds(drafts);
    expect(ids[n - 1]).toBe(`q-${n}`);
    expect(probes).toBeLessThan(2 * n);
  });

  it('stay linear when explicit ids took suffixes first', () => {
    const n = 4_000;
    const explicit = Array.from({ length: n }, (_, i) => ({ value: `q-${i + 2}`, explicit: true, at: AT }));
    const derived = Array.from({ length: n }, () => ({ value: 'q', explicit: false, at: AT }));
    const { ids, probes } = builderIds([...explicit, ...derived]);
    expect(ids.at(-1)).toBe(`q-${2 * n}`);
    expect(probes).toBeLessThan(3 * n);
  });
});

describe('GIFT limits checked while reading', () => {
  it('a block of 200k choices is read only to the 27th, and the import says "at most 26 choices"', () => {
    const block = `=a ${'~b '.repeat(200_000)}`;
    const parsed = parseAnswerBlock(block, block, 0, block.length);
    expect(parsed.kind).toBe('multiple-choice');
    expect(parsed.answers).toHaveLength(MAX_BLOCK_PARTS);
    const pairs = `${'=a -> b '.repeat(50_000)}`;
    expect(parseAnswerBlock(pairs, pairs, 0, pairs.length).pairs).toHaveLength(MAX_BLOCK_PARTS);
    const r = readPackFile('wide.gift', `Q? {${block}}\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toContain('choices: at most 26 choices');
  });
});
