/**
 * Moodle GIFT → Lectern pack. `$CATEGORY:` blocks become chapters (each with one section holding the
 * category's descriptions, unless `[section:id]` descriptions define more); questions, essays
 * (discussion prompts) and descriptions (notes) follow Moodle's rules, with Lectern's `[key:value]`
 * comment tags for what GIFT cannot say. Reports every problem at once; never throws.
 */
import type { PackResult } from '../../pack/diagnostics';
import type { Pack } from '../../pack/schema';
import { packNameFromFile } from '../ids';
import { PackBuilder, type PackMetaKey } from '../pack-builder';
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
  const builder = new PackBuilder(packNameFromFile(options.fileName ?? 'pack.gift'));
  const blocks = splitGiftBlocks(text, onProgress && ((done, total) => onProgress((0.5 * done) / total)));
  blocks.forEach((block, i) => {
    if (onProgress && (i & 1023) === 0) onProgress(0.5 + (0.4 * i) / blocks.length);
    for (const tag of block.tags) {
      const key = PACK_TAGS[tag.key];
      if (key) builder.setMeta(key, tag.value.trim(), tag.at);
    }
    readBlock(block, builder);
  });
  const result = builder.finish(
    'no questions found: this file has no GIFT questions, essays or descriptions',
  );
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
        stray.at,
      );
    return;
  }
  const lead = content.length - content.trimStart().length;
  if (!content.startsWith('$CATEGORY:', lead)) {
    readQuestionBlock(block, builder);
    return;
  }
  const lineEnd = content.indexOf('\n', lead);
  const first = content.slice(lead + '$CATEGORY:'.length, lineEnd === -1 ? undefined : lineEnd);
  const idTag = block.tags.find((t) => t.key === 'id');
  const at = { line: block.lineNumbers[0] ?? block.at.line, column: lead + 1 };
  builder.startChapter(readCategoryTitle(first), at, idTag && { value: idTag.value, at: idTag.at });
  if (lineEnd === -1) return;
  // A question right under `$CATEGORY:` with no blank line: read it as its own block.
  const rest: GiftBlock = {
    content: content.slice(lineEnd + 1),
    lineStarts: block.lineStarts.slice(1).map((s) => s - (lineEnd + 1)),
    lineNumbers: block.lineNumbers.slice(1),
    tags: [],
    at: { line: block.lineNumbers[1] ?? block.at.line, column: 1 },
  };
  readQuestionBlock(rest, builder);
}
