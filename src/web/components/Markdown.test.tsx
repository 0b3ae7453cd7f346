import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeHref } from './Markdown';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('Markdown (call bodies)', () => {
  it('renders bold, emphasis and links', () => {
    expect(html('**지원 대상** and *em*')).toBe(
      '<div class="app-prose"><p><strong>지원 대상</strong> and <em>em</em></p></div>',
    );
    expect(html('[a](https://x)')).toBe(
      '<div class="app-prose"><p><a href="https://x" rel="noopener noreferrer">a</a></p></div>',
    );
    expect(html('[메일](mailto:dx@example.kr)')).toContain(
      '<a href="mailto:dx@example.kr" rel="noopener noreferrer">',
    );
  });

  it('keeps headings below the page title and renders lists', () => {
    expect(html('# 개요\n\n### 세부')).toBe(
      '<div class="app-prose"><h3 class="app-h3">개요</h3><h4 class="app-h4">세부</h4></div>',
    );
    const list = html('- 하나 **굵게**\n- 둘\n\n1. 첫째\n2. 둘째');
    expect(list).toContain('<ul class="app-list"><li><span>하나 <strong>굵게</strong></span></li>');
    expect(list).toContain('<ol class="app-list app-list--ordered" start="1">');
  });

  it('shows raw HTML as text, never as markup', () => {
    const out = html(
      'hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>',
    );
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<div onclick');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;');
  });

  it('drops javascript: and other non-http(s)/mailto link targets, keeping the text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const out = html(`[click](${href})`);
      expect(out, href).not.toContain('<a');
      expect(out, href).toContain('click');
    }
    expect(html('![pixel](javascript:alert(1))')).not.toContain('<a');
    expect(html('![포스터](https://x/p.png)')).toBe(
      '<div class="app-prose"><p><a href="https://x/p.png" rel="noopener noreferrer">포스터</a></p></div>',
    );
  });

  it('keeps a single ~ (a Korean range) as text; ~~double~~ strikes through', () => {
    expect(html('접수 3.2~3.20, 선정 5~6월')).toBe(
      '<div class="app-prose"><p>접수 3.2~3.20, 선정 5~6월</p></div>',
    );
    expect(html('지원금 1~3천만원 (최대 **2~3개**)')).toBe(
      '<div class="app-prose"><p>지원금 1~3천만원 (최대 <strong>2~3개</strong>)</p></div>',
    );
    expect(html('~~폐지~~')).toBe('<div class="app-prose"><p><del>폐지</del></p></div>');
  });

  it('decodes character references instead of showing them', () => {
    expect(html('R&amp;D &lt;2025&gt; &#49;&#x32;')).toBe(
      '<div class="app-prose"><p>R&amp;D &lt;2025&gt; 12</p></div>',
    );
  });

  it('accepts only http(s) and mailto targets', () => {
    expect(safeHref('https://seoul.go.kr')).toBe('https://seoul.go.kr');
    expect(safeHref('/calls/1')).toBe('/calls/1');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
});
