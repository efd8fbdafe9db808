import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { asciiHtml } from '../../src/integrations/ascii-html';

const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fentanyl’s road — 2024</title>
<script type="module" src="/_astro/main.js"></script></head><body>
<p title="Beijing’s “working group”">The first meeting, 30 January 2024 – in Beijing (北京) 🙂.</p>
<textarea>&lt;iframe title="The toll’s chart"&gt;</textarea>
<noscript><svg viewBox="0 0 10 10"><text>2019 – class-wide</text></svg></noscript>
<script type="application/json" id="data">{"label":"Wave 2 — heroin ’","emoji":"🙂","n":3}</script>
<script type="application/ld+json">{"name":"Xi’s"}</script>
<script>console.log("ascii only")</script>
</body></html>`;

const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html');

describe('asciiHtml', () => {
  const out = asciiHtml(page);

  it('writes the whole page in ASCII', () => {
    expect(out).toMatch(/^[\u0000-\u007f]*$/);
    expect(out).toContain('Fentanyl&#x2019;s');
    expect(out).toContain('(&#x5317;&#x4EAC;)');
    expect(out).toContain('&#x1F642;');
  });

  it('reads back as the same document: text, attributes, RCDATA and markup', () => {
    const before = parse(page);
    const after = parse(out);
    expect(after.title).toBe(before.title);
    // (Scripts hold JSON escapes instead, and <noscript> is text here: both are checked below.)
    for (const doc of [before, after]) for (const n of doc.querySelectorAll('noscript, script')) n.remove();
    expect(after.body.textContent).toBe(before.body.textContent);
    expect(after.querySelector('p')?.getAttribute('title')).toBe('Beijing’s “working group”');
    expect(after.querySelector('textarea')?.value).toBe('<iframe title="The toll’s chart">');
    expect(after.body.innerHTML).toBe(before.body.innerHTML);
  });

  it('reads back the same inside <noscript>, whether parsed as markup (no JavaScript) or as text handed to the parser', () => {
    const held = (html: string) => {
      const noscript = parse(html).querySelector('noscript');
      // As step-figures.ts does with scripting on: the element's text parsed as markup; with it off, the parser reads it so.
      const text = noscript?.childElementCount ? noscript.innerHTML : (noscript?.textContent ?? '');
      return parse(`<body>${text}</body>`).body.textContent;
    };
    expect(held(out)).toBe('2019 – class-wide');
    expect(held(page)).toBe('2019 – class-wide');
  });

  it('gives JSON data blocks JSON escapes, which parse back to the same values', () => {
    const json = (html: string, selector: string): unknown => JSON.parse(parse(html).querySelector(selector)?.textContent ?? '');
    expect(json(out, '#data')).toEqual(json(page, '#data'));
    expect(json(out, 'script[type="application/ld+json"]')).toEqual({ name: 'Xi’s' });
    expect(out).toContain('"emoji":"\\uD83D\\uDE42"');
  });

  it('leaves a script and a style that are ASCII byte for byte alone (their CSP hashes still hold)', () => {
    const ascii = '<style>a{color:red}</style><script>console.log("x")</script><!-- note -->';
    expect(asciiHtml(ascii)).toBe(ascii);
  });

  it('fails, naming the page, where a script, a style or a comment holds a non-ASCII character', () => {
    expect(() => asciiHtml('<script>alert("’")</script>', 'index.html')).toThrow(/index\.html: a <script> element holds .*U\+2019/);
    expect(() => asciiHtml('<style>q::before{content:"“"}</style>', 'x.html')).toThrow(/x\.html: a <style> element/);
    expect(() => asciiHtml('<p>ok</p><!-- café -->', 'y.html')).toThrow(/y\.html: a comment holds .*U\+E9/);
  });
});
