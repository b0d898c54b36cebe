/** Renders the safe Markdown subset as React elements: HTML stays text, links open only on a click. */
import type { ReactNode } from 'react';
import type { Block, Inline } from '../core/markdown';
import { parseMarkdown } from '../core/markdown';
import { invoke } from '../platform/bridge';

/**
 * The passage to mark while rendering: [start, end) in the text of the body's text nodes taken in
 * order; `at` is how far rendering has got.
 */
interface Marking {
  start: number;
  end: number;
  at: number;
}

/** A text node's value, with the part inside the marked passage in a <mark>. */
function markText(value: string, k: string, marking: Marking | undefined): ReactNode {
  if (!marking) return value;
  const from = marking.at;
  marking.at += value.length;
  const a = Math.max(marking.start, from) - from;
  const b = Math.min(marking.end, marking.at) - from;
  if (a >= b) return value;
  return (
    <span key={k}>
      {value.slice(0, a)}
      <mark className="evidence" data-evidence="true">
        {value.slice(a, b)}
      </mark>
      {value.slice(b)}
    </span>
  );
}

/** Every text value of the body in rendering order (what {@link Marking} offsets count). */
function collectText(blocks: readonly Block[]): string {
  const out: string[] = [];
  const inline = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      if (n.type === 'text') out.push(n.value);
      else if (n.type === 'strong' || n.type === 'em' || n.type === 'link') inline(n.children);
    }
  };
  const block = (b: Block) => {
    if (b.type === 'heading' || b.type === 'paragraph') inline(b.children);
    else if (b.type === 'list') for (const item of b.items) inline(item);
    else if (b.type === 'quote') for (const c of b.children) block(c);
    else if (b.type === 'table') {
      for (const c of b.header) inline(c);
      for (const row of b.rows) for (const c of row) inline(c);
    }
  };
  for (const b of blocks) block(b);
  return out.join('');
}

/** Where `passage` is in `text`, spaces and line breaks taken as any run of white space. */
export function findPassage(text: string, passage: string): { start: number; end: number } | null {
  const words = passage.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const m = new RegExp(pattern).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

function renderInline(nodes: readonly Inline[], key = '', marking?: Marking): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}${i}`;
    switch (n.type) {
      case 'text':
        return markText(n.value, k, marking);
      case 'strong':
        return <strong key={k}>{renderInline(n.children, `${k}.`, marking)}</strong>;
      case 'em':
        return <em key={k}>{renderInline(n.children, `${k}.`, marking)}</em>;
      case 'code':
        return <code key={k}>{n.value}</code>;
      case 'image':
        return /^data:image\/(png|jpeg|gif|webp);base64,/i.test(n.src) ? (
          <img key={k} src={n.src} alt={n.alt} />
        ) : (
          <span key={k}>[image: {n.alt}]</span>
        );
      case 'link':
        return (
          <ExternalLink key={k} href={n.href}>
            {renderInline(n.children, `${k}.`, marking)}
          </ExternalLink>
        );
    }
    return null;
  });
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const web = /^https?:\/\//i.test(href);
  if (!web) return <span>{children}</span>;
  return (
    <a
      href={href}
      rel="noreferrer noopener"
      onClick={(e) => {
        e.preventDefault();
        void invoke('shell:open-external', { url: href });
      }}
    >
      {children}
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  );
}

function renderBlock(block: Block, i: number, headingOffset: number, marking?: Marking): ReactNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, block.level + headingOffset);
      const Tag = `h${level}` as 'h3';
      return <Tag key={i}>{renderInline(block.children, '', marking)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{renderInline(block.children, '', marking)}</p>;
    case 'list': {
      const items = block.items.map((item, j) => <li key={j}>{renderInline(item, '', marking)}</li>);
      return block.ordered ? (
        <ol key={i} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={i}>{items}</ul>
      );
    }
    case 'quote':
      return (
        <blockquote key={i}>
          {block.children.map((b, j) => renderBlock(b, j, headingOffset, marking))}
        </blockquote>
      );
    case 'table':
      return (
        <div key={i} className="table-wrap">
          <table>
            <thead>
              <tr>
                {block.header.map((c, j) => (
                  <th key={j} scope="col" style={{ textAlign: block.align[j] ?? undefined }}>
                    {renderInline(c, '', marking)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, j) => (
                    <td key={j} style={{ textAlign: block.align[j] ?? undefined }}>
                      {c.length ? renderInline(c, '', marking) : <span className="empty-cell">(empty)</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <pre key={i}>
          <code>{block.value}</code>
        </pre>
      );
    case 'rule':
      return <hr key={i} />;
  }
  return null;
}

/**
 * Markdown body; `headingOffset` shifts heading levels so a section's `#` sits below its title.
 * `mark`: a passage of the body (a question's evidence) to show in a <mark>, when it is found.
 */
export function Markdown({
  source,
  headingOffset = 2,
  mark,
}: {
  source: string;
  headingOffset?: number;
  mark?: string | undefined;
}) {
  const blocks = parseMarkdown(source);
  const found = mark ? findPassage(collectText(blocks), mark) : null;
  const marking: Marking | undefined = found ? { ...found, at: 0 } : undefined;
  return <>{blocks.map((b, i) => renderBlock(b, i, headingOffset, marking))}</>;
}

/** Whether `passage` is found in the text of the Markdown `source` (so {@link Markdown} marks it). */
export function containsPassage(source: string, passage: string): boolean {
  return findPassage(collectText(parseMarkdown(source)), passage) !== null;
}
