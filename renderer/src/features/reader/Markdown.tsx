/** Renders the safe Markdown subset as React elements: HTML stays text, links open only on a click. */
import type { ReactNode } from 'react';
import type { Block, Inline } from '../../core/markdown';
import { parseMarkdown } from '../../core/markdown';
import { invoke } from '../../platform/bridge';

function renderInline(nodes: readonly Inline[], key = ''): ReactNode[] {
  return nodes.map((n, i) => {
    const k = `${key}${i}`;
    switch (n.type) {
      case 'text':
        return n.value;
      case 'strong':
        return <strong key={k}>{renderInline(n.children, `${k}.`)}</strong>;
      case 'em':
        return <em key={k}>{renderInline(n.children, `${k}.`)}</em>;
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
            {renderInline(n.children, `${k}.`)}
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

function renderBlock(block: Block, i: number, headingOffset: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, block.level + headingOffset);
      const Tag = `h${level}` as 'h3';
      return <Tag key={i}>{renderInline(block.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{renderInline(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
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
        <blockquote key={i}>{block.children.map((b, j) => renderBlock(b, j, headingOffset))}</blockquote>
      );
    case 'table':
      return (
        <div key={i} className="table-wrap">
          <table>
            <thead>
              <tr>
                {block.header.map((c, j) => (
                  <th key={j} scope="col" style={{ textAlign: block.align[j] ?? undefined }}>
                    {renderInline(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, j) => (
                    <td key={j} style={{ textAlign: block.align[j] ?? undefined }}>
                      {c.length ? renderInline(c) : <span className="empty-cell">(empty)</span>}
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

/** Markdown body; `headingOffset` shifts heading levels so a section's `#` sits below its title. */
export function Markdown({ source, headingOffset = 2 }: { source: string; headingOffset?: number }) {
  return <>{parseMarkdown(source).map((b, i) => renderBlock(b, i, headingOffset))}</>;
}
