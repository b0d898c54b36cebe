/**
 * Splits GIFT text into blocks — one question, description or `$CATEGORY:` each — at blank lines, as
 * Moodle does. `//` comment lines are taken out of the block's content and their `[key:value]` tags kept.
 * A block remembers where each of its content lines came from, so any offset maps back to line:column.
 */
import type { SourcePos } from '../pack-builder';
import { type CommentTag, readCommentTags } from './gift-text';

/** A tag from a comment line, with its place in the file. */
export interface PlacedTag extends CommentTag {
  at: SourcePos;
}

/** One blank-line-separated block of a GIFT file. */
export interface GiftBlock {
  /** The non-comment lines, joined with `\n`. */
  content: string;
  /** Offset in `content` where each content line starts. */
  lineStarts: number[];
  /** 1-based file line of each content line. */
  lineNumbers: number[];
  tags: PlacedTag[];
  /** Place of the block's first line (comment or content). */
  at: SourcePos;
}

/** The file place of `offset` in a block's content. */
export function placeInBlock(block: GiftBlock, offset: number): SourcePos {
  const starts = block.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: block.lineNumbers[lo] ?? block.at.line, column: offset - (starts[lo] ?? 0) + 1 };
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Splits `text` (LF line ends) into blocks; `onLine` is called every 4096 lines with (done, total). */
export function splitGiftBlocks(text: string, onLine?: (done: number, total: number) => void): GiftBlock[] {
  const lines = text.split('\n');
  const blocks: GiftBlock[] = [];
  let current: GiftBlock | undefined;
  let parts: string[] = [];
  let length = 0;
  const close = () => {
    if (current) {
      current.content = parts.join('\n');
      blocks.push(current);
    }
    current = undefined;
    parts = [];
    length = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    if (onLine && (i & 4095) === 0) onLine(i, lines.length);
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      close();
      continue;
    }
    if (!current)
      current = { content: '', lineStarts: [], lineNumbers: [], tags: [], at: { line: i + 1, column: 1 } };
    const trimmed = line.trimStart();
    if (trimmed.startsWith('//')) {
      for (const tag of readCommentTags(line))
        current.tags.push({ ...tag, at: { line: i + 1, column: tag.column + 1 } });
      continue;
    }
    if (parts.length > 0) length += 1;
    current.lineStarts.push(length);
    current.lineNumbers.push(i + 1);
    parts.push(line);
    length += line.length;
  }
  close();
  return blocks;
}
