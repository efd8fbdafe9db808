/**
 * Every built page's weight and hygiene, read from dist/ (run `npm run build` first): its client
 * JavaScript stays under its budget (story 45 KB, embed 35 KB gzip), nothing is loaded from another
 * origin, its Content-Security-Policy is strict (scripts from the site or by hash, no inline handlers),
 * no d3 code ships (the frames are computed at build time; the browser only joins and tweens them), and
 * every page and module is pure ASCII (`src/integrations/ascii-html.ts`: Chromium decodes it far faster).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { builtPages, DIST, ROOT, shown, type BuiltPage } from './support';

const BUDGET_GZIP: Record<BuiltPage['kind'], number> = { story: 45 * 1024, embed: 35 * 1024, page: 45 * 1024 };
/** What a section with a chart may add to the story's HTML, its per-step static charts included (gzip). */
const SECTION_HTML: Record<string, number> = { pipeline: 25 * 1024, diplomacy: 20 * 1024 };
/**
 * The story page: everything its first load fetches (HTML, CSS, JavaScript, fonts), and its HTML alone
 * (every step's chart is drawn into it). 120 KB and 50 KB with "The toll" alone; each further chart
 * section may add its own budget to both (the map 25 KB, the timeline 20 KB), and never beyond 160 KB
 * and 100 KB with all three.
 */
const sectionsIn = (page: string) =>
  Object.entries(SECTION_HTML).filter(([id]) => page.includes(`<section class="story-section story-section--scrolly" id="${id}"`));
const allowance = (page: string) => sectionsIn(page).reduce((n, [, kb]) => n + kb, 0);
const STORY_FIRST_LOAD = (page: string) => Math.min(160 * 1024, 120 * 1024 + allowance(page));
const STORY_HTML = (page: string) => Math.min(100 * 1024, 50 * 1024 + allowance(page));

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

/** Every module a page loads (entry scripts, modulepreloads and what they import), as files in dist/. */
function modulesOf(htmlPath: string, page: string): string[] {
  const entries = tags(page, 'script')
    .filter((a) => a['src'] !== undefined)
    .map((a) => distPath(a['src']!, htmlPath));
  const preloads = tags(page, 'link')
    .filter((a) => /\bmodulepreload\b/.test(a['rel'] ?? '') && a['href'])
    .map((a) => distPath(a['href']!, htmlPath));
  const seen = new Set<string>();
  const queue = [...entries, ...preloads];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    expect(existsSync(file), `${relative(ROOT, file)} exists`).toBe(true);
    seen.add(file);
    queue.push(...importsOf(file, readFileSync(file, 'utf8')));
  }
  return [...seen];
}

/** Inline <script> elements: [attributes, code]. */
const inlineScripts = (page: string): [string, string][] =>
  [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1] ?? ''))
    .map((m) => [m[1] ?? '', m[2] ?? '']);

test.describe('dist/ budget', () => {
  test.skip(({ isMobile }) => isMobile, 'reads files only: once, in the desktop project');

  const pages = builtPages();

  test('every page has its JavaScript budget: story 45 KB, embed 35 KB gzipped', () => {
    expect(pages.length, 'pages in dist/').toBeGreaterThan(0);
    const over: string[] = [];
    for (const { file, path, kind } of pages) {
      const page = readFileSync(file, 'utf8');
      const modules = modulesOf(file, page);
      if (kind === 'story' && path === '/') expect(modules.length, 'the story loads a script').toBeGreaterThan(0);
      // Inline module scripts count too (JSON data does not).
      const inline = inlineScripts(page)
        .filter(([attrs]) => !/application\/(ld\+)?json/.test(attrs))
        .map(([, code]) => code);
      const sizes = modules.map((f) => ({ file: relative(DIST, f), gz: gzipSync(readFileSync(f), { level: 9 }).length }));
      const inlineGz = inline.reduce((n, code) => n + gzipSync(Buffer.from(code), { level: 9 }).length, 0);
      const total = sizes.reduce((n, s) => n + s.gz, 0) + inlineGz;
      const detail = `${sizes.map((s) => `${s.file}: ${(s.gz / 1024).toFixed(1)} KB`).join(', ')}; inline: ${(inlineGz / 1024).toFixed(1)} KB`;
      console.log(`${path} (${kind}) client JS, gzip -9: ${(total / 1024).toFixed(1)} KB (${detail})`);
      if (total > BUDGET_GZIP[kind]) over.push(`${path}: ${(total / 1024).toFixed(1)} KB > ${BUDGET_GZIP[kind] / 1024} KB (${detail})`);
    }
    expect(over, 'pages over their JavaScript budget').toEqual([]);
  });

  test('the story page’s first load (HTML, CSS, JavaScript, fonts) and its HTML keep to their budgets', () => {
    const story = pages.find((p) => p.path === '/');
    expect(story, 'the story page is built').toBeDefined();
    const html = readFileSync(story!.file);
    const page = html.toString('utf8');
    const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
    const sheets = tags(page, 'link')
      .filter((a) => /\bstylesheet\b/.test(a['rel'] ?? '') && a['href'])
      .map((a) => distPath(a['href']!, story!.file));
    const css = sheets.map((f) => readFileSync(f, 'utf8'));
    // Fonts: every face the stylesheets declare (as transferred: woff2 is compressed already).
    const fonts = [
      ...new Set(css.flatMap((c, i) => [...c.matchAll(/url\(\s*["']?([^"')]+\.woff2)/g)].map((m) => distPath(m[1]!, sheets[i]!)))),
    ];
    const parts = {
      html: gz(html),
      css: sheets.reduce((n, f) => n + gz(readFileSync(f)), 0),
      js: modulesOf(story!.file, page).reduce((n, f) => n + gz(readFileSync(f)), 0),
      fonts: fonts.reduce((n, f) => n + readFileSync(f).length, 0),
    };
    const total = parts.html + parts.css + parts.js + parts.fonts;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const charts = (page.match(/<div class="scrolly" data-scrolly>/g) ?? []).length;
    const budgets = `budgets ${kb(STORY_HTML(page))} HTML, ${kb(STORY_FIRST_LOAD(page))} first load`;
    console.log(
      `story first load: ${kb(total)} (HTML ${kb(parts.html)}, CSS ${kb(parts.css)}, JS ${kb(parts.js)}, fonts ${kb(parts.fonts)} in ${fonts.length} files)`,
    );
    expect(fonts.length, 'the story uses its fonts').toBeGreaterThan(0);
    expect(parts.html, `story HTML, gzip: ${kb(parts.html)} (${charts} charts; ${budgets})`).toBeLessThanOrEqual(STORY_HTML(page));
    expect(total, `story first load: ${kb(total)} (${charts} charts; ${budgets})`).toBeLessThanOrEqual(STORY_FIRST_LOAD(page));
  });

  test('each chart section adds no more than its budget to the story’s HTML (its per-step charts included)', () => {
    const story = pages.find((p) => p.path === '/');
    const page = readFileSync(story!.file, 'utf8');
    const whole = gzipSync(Buffer.from(page), { level: 9 }).length;
    const over: string[] = [];
    for (const [id, budget] of Object.entries(SECTION_HTML)) {
      // The section runs from its opening tag to the next story section (or the end of the article).
      const start = page.indexOf(`<section class="story-section story-section--scrolly" id="${id}"`);
      if (start < 0) continue;
      const next = page.indexOf('<section class="story-section', start + 1);
      const end = next < 0 ? page.indexOf('</article>', start) : next;
      const without = page.slice(0, start) + page.slice(end);
      const added = whole - gzipSync(Buffer.from(without), { level: 9 }).length;
      console.log(`section #${id} adds ${(added / 1024).toFixed(1)} KB gzip to the story's HTML (budget ${budget / 1024} KB)`);
      if (added > budget) over.push(`#${id}: ${(added / 1024).toFixed(1)} KB > ${budget / 1024} KB`);
    }
    expect(over).toEqual([]);
  });

  test('the frames a wider screen fetches (one file per chart and size, every scene) keep to 8 KB gzip each', () => {
    const story = pages.find((p) => p.path === '/');
    const page = readFileSync(story!.file, 'utf8');
    const stems = tags(page, 'figure')
      .map((a) => a['data-frames'])
      .filter((s): s is string => s !== undefined);
    expect(stems.length, 'every chart figure names its frames').toBe((page.match(/<div class="scrolly" data-scrolly>/g) ?? []).length);
    const over: string[] = [];
    for (const stem of stems)
      for (const size of ['medium', 'wide']) {
        const file = distPath(`${stem}.${size}.svg`, story!.file);
        expect(existsSync(file), `${stem}.${size}.svg is built`).toBe(true);
        const gz = gzipSync(readFileSync(file), { level: 9 }).length;
        console.log(`${relative(DIST, file)}: ${(gz / 1024).toFixed(1)} KB gzip`);
        if (gz > 8 * 1024) over.push(`${relative(DIST, file)}: ${(gz / 1024).toFixed(1)} KB`);
      }
    expect(over).toEqual([]);
  });

  test('every page has a strict Content-Security-Policy and no inline event handlers', () => {
    const problems: string[] = [];
    for (const { file, path } of pages) {
      const page = readFileSync(file, 'utf8');
      const metas = tags(page, 'meta').filter((a) => (a['http-equiv'] ?? '').toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) {
        problems.push(`${path}: ${metas.length} CSP meta tags`);
        continue;
      }
      const policy = new Map(
        (metas[0]!['content'] ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name!, values]),
      );
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
      if (!scriptSrc) problems.push(`${path}: no script-src`);
      for (const [name, values] of policy) {
        for (const v of values) {
          if (/^'unsafe-(inline|eval|hashes)'$|^'wasm-unsafe-eval'$/.test(v)) problems.push(`${path}: ${name} allows ${v}`);
          if (/^(\*|https?:|data:|blob:)$/.test(v) && name !== 'img-src') problems.push(`${path}: ${name} allows any ${v}`);
          if (/^(https?:)?\/\//.test(v)) problems.push(`${path}: ${name} allows another origin, ${v}`);
        }
      }
      if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${path}: default-src is not 'self'`);
      if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${path}: object-src is not 'none'`);
      // Each inline script runs only because its hash is listed.
      for (const [attrs, code] of inlineScripts(page)) {
        if (/application\/(ld\+)?json/.test(attrs)) continue;
        const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
        if (!scriptSrc?.includes(hash)) problems.push(`${path}: an inline script is not hashed in script-src (${code.slice(0, 60)}…)`);
      }
      // No inline event handlers (a CSP without 'unsafe-hashes' blocks them: they would silently not run) and no javascript: URLs.
      for (const m of page.matchAll(/<([a-z][\w-]*)\b[^>]*?\s(on[a-z]+)\s*=/gi))
        problems.push(`${path}: <${m[1]} ${m[2]}=…> inline handler`);
      for (const m of page.matchAll(/\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi))
        problems.push(`${path}: javascript: URL (${m[0].trim()})`);
    }
    expect(problems, `CSP problems in ${shown(DIST)}`).toEqual([]);
  });

  test('no script, style, font or image comes from another origin, on any page', () => {
    for (const { file: htmlPath } of pages) {
      const page = readFileSync(htmlPath, 'utf8');
      const absolute = (u: string | undefined): boolean => /^\s*(https?:)?\/\//i.test(u ?? '');
      const offenders: string[] = [];
      for (const a of tags(page, 'script')) if (absolute(a['src'])) offenders.push(`<script src=${a['src']}>`);
      const resourceRel =
        /\b(stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|apple-touch-icon|mask-icon|manifest)\b/i;
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
      const inlineCss = [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi), ...page.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)].map(
        (m) => ({
          name: 'inline style',
          css: m[1] ?? '',
        }),
      );
      for (const { name, css } of [...sheets, ...inlineCss]) {
        for (const m of css.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')]+)/gi)) offenders.push(`${name}: url(${m[1]})`);
        for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?((?:https?:)?\/\/[^"')\s;]+)/gi))
          offenders.push(`${name}: @import ${m[1]}`);
      }
      expect(sheets.length, `${shown(htmlPath)} has its stylesheet`).toBeGreaterThan(0);
      expect(offenders, `resources from other origins in ${shown(htmlPath)}`).toEqual([]);
    }
  });

  test('every page and every module it loads is written in ASCII (Chromium decodes a page with any other character far more slowly)', () => {
    const offenders: string[] = [];
    for (const { file } of pages) {
      const html = readFileSync(file, 'utf8');
      for (const f of [file, ...modulesOf(file, html)]) {
        const text = f === file ? html : readFileSync(f, 'utf8');
        const at = text.search(/[^\u0000-\u007f]/u);
        if (at >= 0) offenders.push(`${relative(DIST, f)}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 10))}`);
      }
    }
    expect(offenders, 'files with characters beyond ASCII').toEqual([]);
  });

  test('no d3 code ships to the browser, on any page', () => {
    const seen = new Set(pages.flatMap(({ file }) => modulesOf(file, readFileSync(file, 'utf8'))));
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
