import { Marked, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';

/**
 * Markdown (a call's body) rendered as React elements, never as HTML: `marked` parses, this file
 * renders its tokens. Raw HTML in the source is shown as text; links keep only http(s) and mailto
 * targets and get rel="noopener noreferrer"; images are shown as a link to the image, so a body
 * cannot load third-party pixels. The page's h1 is the title and its sections are h2, so body
 * headings start at h3.
 */
export function Markdown({ source, className = 'app-prose' }: { source: string; className?: string }) {
  const tokens = parser.lexer(source.replace(/\r\n/g, '\n'));
  return <div className={className}>{blocks(tokens)}</div>;
}

/**
 * marked's defaults (GFM, no soft line breaks), except that only ~~double~~ tildes strike through:
 * a single ~ is how Korean writes a range (3.2~3.20, 5~6월, 1~3천만원).
 */
const parser = new Marked({
  tokenizer: {
    del(src) {
      return src.startsWith('~~') ? false : undefined;
    },
  },
});

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The link target if it is http(s) or mailto (relative links resolve to this site), else null. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, 'https://itda.invalid/');
    return ALLOWED_PROTOCOLS.has(url.protocol) ? href : null;
  } catch {
    return null;
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** marked keeps character references as written; React would show them literally. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

function blocks(tokens: Token[]): ReactNode[] {
  return tokens.map((t, i) => block(t, i));
}

function block(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading': {
      const h = t as Tokens.Heading;
      return h.depth <= 2 ? (
        <h3 key={key} className="app-h3">
          {inline(h.tokens)}
        </h3>
      ) : (
        <h4 key={key} className="app-h4">
          {inline(h.tokens)}
        </h4>
      );
    }
    case 'paragraph':
      return <p key={key}>{inline((t as Tokens.Paragraph).tokens)}</p>;
    case 'text': {
      const x = t as Tokens.Text;
      return <span key={key}>{x.tokens ? inline(x.tokens) : decode(x.text)}</span>;
    }
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((it, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static text
        <li key={j}>{blocks(it.tokens)}</li>
      ));
      return l.ordered ? (
        <ol
          key={key}
          className="app-list app-list--ordered"
          start={l.start === '' ? undefined : Number(l.start)}
        >
          {items}
        </ol>
      ) : (
        <ul key={key} className="app-list">
          {items}
        </ul>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks((t as Tokens.Blockquote).tokens)}</blockquote>;
    case 'code':
      return (
        <pre key={key}>
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'hr':
      return <hr key={key} />;
    case 'table': {
      const tb = t as Tokens.Table;
      return (
        <table key={key} className="app-md-table">
          <thead>
            <tr>
              {tb.header.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static text
                <th key={j} scope="col">
                  {inline(c.tokens)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tb.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text
              <tr key={r}>
                {row.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static text
                  <td key={j}>{inline(c.tokens)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'html':
      // raw HTML is not rendered: it is shown as the text that was written
      return (
        <p key={key} className="app-prewrap">
          {(t as Tokens.HTML).text}
        </p>
      );
    default:
      return 'raw' in t ? <p key={key}>{t.raw}</p> : null;
  }
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((t, i) => span(t, i));
}

function span(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? <span key={key}>{inline(x.tokens)}</span> : decode(x.text);
    }
    case 'escape':
      return (t as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{inline((t as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inline((t as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inline((t as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{(t as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const l = t as Tokens.Link;
      const href = safeHref(l.href);
      const children = inline(l.tokens);
      return href ? (
        <a key={key} href={href} rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <span key={key}>{children}</span>
      );
    }
    case 'image': {
      const img = t as Tokens.Image;
      const href = safeHref(img.href);
      const alt = decode(img.text) || img.href;
      return href ? (
        <a key={key} href={href} rel="noopener noreferrer">
          {alt}
        </a>
      ) : (
        alt
      );
    }
    case 'html':
      // raw HTML (<script>, <img onerror>, …) stays text
      return (t as Tokens.HTML).text;
    default:
      return 'raw' in t ? t.raw : null;
  }
}
