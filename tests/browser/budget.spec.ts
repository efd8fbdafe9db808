/**
 * The built page's weight and hygiene, read from dist/ (run `npm run build` first): the client
 * JavaScript stays under budget, nothing is loaded from another origin, and no d3 code ships
 * (the frames are computed at build time; the browser only joins and tweens them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { ROOT } from './support';

const DIST = join(ROOT, 'dist');
const BUDGET_GZIP = 45 * 1024;

/** The file in dist/ that a root-relative or relative URL in `fromFile` points to. */
function distPath(url: string, fromFile: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const base = process.env['BASE_PATH'] ?? '/';
  if (path.startsWith('/')) return join(DIST, normalize(path.startsWith(base) ? path.slice(base.length - 1) : path));
  return join(dirname(fromFile), path);
}

/** Attribute values of `attr` on every `<tag …>` of the HTML (a tolerant regex reader is enough for Astro's output). */
function tags(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs[(a[1] ?? '').toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    out.push(attrs);
  }
  return out;
}

/** Static and dynamic imports of a built module, resolved to files in dist/. */
function importsOf(file: string, code: string): string[] {
  const specs = [
    ...code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g),
    ...code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specs.filter((s) => s.startsWith('.') || s.startsWith('/')).map((s) => distPath(s, file));
}

test.describe('dist/ budget', () => {
  test.skip(({ isMobile }) => isMobile, 'reads files only: once, in the desktop project');

  const htmlPath = join(DIST, 'index.html');
  const html = (): string => {
    if (!existsSync(htmlPath)) throw new Error('dist/index.html is missing: run `npm run build` first');
    return readFileSync(htmlPath, 'utf8');
  };

  test(`client JavaScript is at most ${BUDGET_GZIP / 1024} KB gzipped`, () => {
    const page = html();
    const entries = tags(page, 'script')
      .filter((a) => a['src'] !== undefined)
      .map((a) => distPath(a['src']!, htmlPath));
    const preloads = tags(page, 'link')
      .filter((a) => /\bmodulepreload\b/.test(a['rel'] ?? '') && a['href'])
      .map((a) => distPath(a['href']!, htmlPath));
    expect(entries.length, 'the page loads a script').toBeGreaterThan(0);

    const seen = new Set<string>();
    const queue = [...entries, ...preloads];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      expect(existsSync(file), `${relative(ROOT, file)} exists`).toBe(true);
      seen.add(file);
      queue.push(...importsOf(file, readFileSync(file, 'utf8')));
    }
    // Inline module scripts count too (JSON data does not).
    const inline = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter((m) => !/\bsrc\s*=/.test(m[1] ?? '') && !/application\/(ld\+)?json/.test(m[1] ?? ''))
      .map((m) => m[2] ?? '');

    const sizes = [...seen].map((f) => ({ file: relative(DIST, f), gz: gzipSync(readFileSync(f), { level: 9 }).length }));
    const inlineGz = inline.reduce((n, code) => n + gzipSync(Buffer.from(code), { level: 9 }).length, 0);
    const total = sizes.reduce((n, s) => n + s.gz, 0) + inlineGz;
    const detail = `${sizes.map((s) => `${s.file}: ${(s.gz / 1024).toFixed(1)} KB`).join(', ')}; inline: ${(inlineGz / 1024).toFixed(1)} KB`;
    console.log(`client JS, gzip -9: ${(total / 1024).toFixed(1)} KB (${detail})`);
    expect(total, `client JS gzipped (${detail})`).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  test('no script, style, font or image comes from another origin', () => {
    const page = html();
    const absolute = (u: string | undefined): boolean => /^\s*(https?:)?\/\//i.test(u ?? '');
    const offenders: string[] = [];
    for (const a of tags(page, 'script')) if (absolute(a['src'])) offenders.push(`<script src=${a['src']}>`);
    const resourceRel = /\b(stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|apple-touch-icon|mask-icon|manifest)\b/i;
    for (const a of tags(page, 'link'))
      if (resourceRel.test(a['rel'] ?? '') && absolute(a['href'])) offenders.push(`<link rel=${a['rel']} href=${a['href']}>`);
    for (const t of ['img', 'source', 'video', 'audio', 'iframe', 'embed', 'object', 'image', 'use', 'input'])
      for (const a of tags(page, t))
        for (const k of ['src', 'srcset', 'poster', 'data', 'href', 'xlink:href'])
          if (absolute(a[k]) || (k === 'srcset' && /(https?:)?\/\//i.test(a[k] ?? ''))) offenders.push(`<${t} ${k}=${a[k]}>`);
    // url(...) and @import in inline styles and in the stylesheets themselves (fonts live there).
    const sheets = tags(page, 'link')
      .filter((a) => /\bstylesheet\b/i.test(a['rel'] ?? '') && a['href'] && !absolute(a['href']))
      .map((a) => ({ name: a['href']!, css: readFileSync(distPath(a['href']!, htmlPath), 'utf8') }));
    const inlineCss = [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi), ...page.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)].map((m) => ({
      name: 'inline style',
      css: m[1] ?? '',
    }));
    for (const { name, css } of [...sheets, ...inlineCss]) {
      for (const m of css.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')]+)/gi)) offenders.push(`${name}: url(${m[1]})`);
      for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?((?:https?:)?\/\/[^"')\s;]+)/gi))
        offenders.push(`${name}: @import ${m[1]}`);
    }
    expect(sheets.length, 'the page has its stylesheet').toBeGreaterThan(0);
    expect(offenders, 'resources from other origins').toEqual([]);
  });

  test('no d3 code ships to the browser', () => {
    const page = html();
    const files = tags(page, 'script')
      .filter((a) => a['src'])
      .map((a) => distPath(a['src']!, htmlPath));
    const seen = new Set<string>();
    const queue = [...files];
    while (queue.length > 0) {
      const f = queue.shift()!;
      if (seen.has(f) || !existsSync(f)) continue;
      seen.add(f);
      queue.push(...importsOf(f, readFileSync(f, 'utf8')));
    }
    expect(seen.size).toBeGreaterThan(0);
    // Strings that survive minification, one per d3 module the build uses (checked against an esbuild bundle of each):
    const signatures: [string, string][] = [
      ['d3-format (scaleLinear().tickFormat)', 'invalid format: '],
      ['d3-path (line().digits)', 'invalid digits: '],
      ['d3-color (via d3-interpolate, d3-scale)', 'aliceblue'],
      ['d3-array (ticks)', 'Math.sqrt(50)'],
      ['d3-dsv (its Date-parsing probe)', '2019-01-01T00:00'],
      ['any d3 package name', 'd3-'],
    ];
    const found: string[] = [];
    for (const f of seen) {
      const code = readFileSync(f, 'utf8');
      for (const [what, sig] of signatures) if (code.includes(sig)) found.push(`${relative(DIST, f)}: ${what} ("${sig}")`);
    }
    expect(found, 'd3 code in the client bundle').toEqual([]);
  });
});
