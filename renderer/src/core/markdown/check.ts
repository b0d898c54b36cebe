/**
 * Rejects what the safe Markdown subset forbids: raw HTML and images from anywhere but the pack. An
 * image is a `data:image` URI or one of the pack's media files, `![alt](media:NAME)` (whether NAME is
 * among the pack's files is checked with the pack's media, `core/media/refs.ts`).
 */
import type { Diagnostic } from '../pack/diagnostics';
import { lineColumnAt } from '../pack/diagnostics';

const RAW_HTML = /<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>|<!--/g;
const IMAGE = /!\[[^\]]*\]\(\s*([^)\s]*)/g;

/** Problems in a Markdown body, with line and column relative to the body. */
export function checkMarkdown(body: string): Diagnostic[] {
  const issues: Diagnostic[] = [];
  for (const m of body.matchAll(RAW_HTML)) {
    issues.push({
      message: `raw HTML is not allowed in Markdown: "${m[0].slice(0, 40)}"`,
      ...lineColumnAt(body, m.index),
    });
  }
  for (const m of body.matchAll(IMAGE)) {
    const src = m[1] ?? '';
    if (!/^data:image\/(png|jpeg|gif|webp);base64,/i.test(src) && !/^media:[^/\\]/.test(src)) {
      issues.push({
        message: `images must be the pack's own media files (media:NAME) or data:image URIs; "${src.slice(0, 60)}" would load from outside the pack`,
        ...lineColumnAt(body, m.index),
      });
    }
  }
  return issues;
}
