/**
 * Moodle GIFT → Lectern pack. `$CATEGORY:` blocks become chapters (each with one section holding the
 * category's descriptions, unless `[section:id]` descriptions define more); questions, essays
 * (discussion prompts) and descriptions (notes) follow Moodle's rules, with Lectern's `[key:value]`
 * comment tags for what GIFT cannot say. Reports every problem at once; never throws.
 */
import type { PackResult } from '../../pack/diagnostics';
import { createLineIndex, type LineIndex } from '../../pack/line-index';
import type { Pack } from '../../pack/schema';
import { packNameFromFile } from '../ids';
import { type Locations, PackBuilder, type PackMetaKey } from '../pack-builder';
import type { ReadOptions } from '../read-options';
import { type GiftBlock, splitGiftBlocks } from './gift-blocks';
import { readQuestionBlock } from './gift-question';

/** Comment tags that set pack-level fields, wherever they appear. */
const PACK_TAGS: Record<string, PackMetaKey> = {
  'pack-id': 'id',
  title: 'title',
  language: 'language',
  version: 'version',
  author: 'author',
  license: 'license',
  date: 'date',
  description: 'description',
};

/** Tags that belong to one question: warned about when they stand in a block of their own. */
const QUESTION_TAGS = new Set([
  'id',
  'tag',
  'type',
  'section',
  'hint',
  'evidence',
  'accept',
  'unit',
  'cloze',
  'credits',
  'order',
]);

/** A category path as a chapter title: Moodle's `$course$/top/` prefix dropped, `//` is a literal slash. */
export function readCategoryTitle(raw: string): string {
  const path = raw
    .trim()
    .replace(/^\$[A-Za-z0-9]+\$\/?/, '')
    .replace(/^top(\/|$)/, '');
  const segments: string[] = [];
  let segment = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '/' && path[i + 1] === '/') {
      segment += '/';
      i++;
    } else if (path[i] === '/') {
      segments.push(segment);
      segment = '';
    } else segment += path[i];
  }
  segments.push(segment);
  const title = segments
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' / ');
  return title || 'Questions';
}

/** Reads a GIFT file into a pack; id and title come from `[pack-id:…]`/`[title:…]` or the file name. */
export function readGift(text: string, options: ReadOptions = {}): PackResult<Pack> {
  const { onProgress } = options;
  let lines: LineIndex | undefined;
  // Questions are remembered by the line their block starts on; their parts are placed only if a
  // problem needs a place, by reading that one block again.
  const locate = (line: number): Locations => {
    lines ??= createLineIndex(text);
    const locs: Locations = new Map();
    const from = lines.starts[line - 1] ?? 0;
    splitGiftBlocks(
      text,
      (block) => {
        readQuestionBlock(block, new PackBuilder({ id: 'probe', title: 'probe' }), line, locs);
        return false;
      },
      { from, firstLine: line },
    );
    return locs;
  };
  const builder = new PackBuilder(packNameFromFile(options.fileName ?? 'pack.gift'), locate);
  const scaled = onProgress && ((f: number) => onProgress(0.9 * f));
  splitGiftBlocks(
    text,
    (block) => {
      for (const tag of block.tags) {
        const key = PACK_TAGS[tag.key];
        if (key) builder.setMeta(key, tag.value.trim(), tag);
      }
      readBlock(block, builder);
      return undefined;
    },
    scaled ? { onProgress: scaled } : {},
  );
  // Moodle imports a file of categories alone (it makes the categories): a warning, not a refusal.
  const result =
    builder.chapterCount > 0
      ? builder.finish('no questions: this file only has categories ($CATEGORY:)', 'warning')
      : builder.finish('no questions found: this file has no GIFT questions, essays or descriptions');
  onProgress?.(1);
  return result;
}

function readBlock(block: GiftBlock, builder: PackBuilder): void {
  const content = block.content;
  if (content.trim() === '') {
    const stray = block.tags.find((t) => QUESTION_TAGS.has(t.key));
    if (stray)
      builder.warn(
        `[${stray.key}:…] belongs to no question: put it directly above its question, with no blank line between`,
        stray,
      );
    return;
  }
  const lead = content.length - content.trimStart().length;
  if (!content.startsWith('$CATEGORY:', lead)) {
    readQuestionBlock(block, builder, block.at.line);
    return;
  }
  const lineEnd = content.indexOf('\n', lead);
  const first = content.slice(lead + '$CATEGORY:'.length, lineEnd === -1 ? undefined : lineEnd);
  const idTag = block.tags.find((t) => t.key === 'id');
  const at = { line: block.firstLine, column: lead + 1 };
  // A category named again continues its chapter, as Moodle files both under one category.
  if (idTag) builder.startChapter(readCategoryTitle(first), at, { value: idTag.value, at: idTag });
  else builder.enterChapter(readCategoryTitle(first), at);
  if (lineEnd === -1) return;
  // A question right under `$CATEGORY:` with no blank line: read it as its own block.
  const rest: GiftBlock = {
    content: content.slice(lineEnd + 1),
    firstLine: block.lineNumbers?.[1] ?? block.firstLine + 1,
    tags: [],
    at: { line: block.lineNumbers?.[1] ?? block.firstLine + 1, column: 1 },
  };
  if (block.lineNumbers) rest.lineNumbers = block.lineNumbers.slice(1);
  readQuestionBlock(rest, builder, rest.firstLine);
}
