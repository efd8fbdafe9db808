/**
 * Shared helpers for the browser suite: the content files read the way a reader would check them
 * (numbers as the page prints them), and page helpers that look at the chart a reader sees.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { csvParse } from 'd3-dsv';
import { listPages } from '../tools/static-server.mjs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The repository root (tests/browser/ → ../../). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: dist/, or DIST_DIR (a second build side by side, e.g. `astro build --outDir dist-map`). */
export const DIST = join(ROOT, process.env['DIST_DIR'] ?? 'dist');

const read = (path: string): string => readFileSync(new URL(path, `file://${ROOT}`), 'utf8');

/** The story's sections that draw a chart, in reading order, from content/story/*.md: [section id, chart id]. */
export function storyCharts(): { section: string; chart: string }[] {
  const dir = join(ROOT, 'content/story');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const section = /^id:\s*(\S+)/m.exec(text)?.[1];
      const chart = /^chart:\s*(\S+)/m.exec(text)?.[1];
      return section && chart ? [{ section, chart }] : [];
    });
}

/** The content CSVs, read with d3-dsv (the same RFC 4180 reader the build uses, not the build's code). */
export function parseCsv(text: string): Record<string, string>[] {
  return csvParse(text).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? ''])));
}

/** 107941 → "107,941", as the page prints counts (locale en-US). */
export const fmt = (n: number): string => n.toLocaleString('en-US');

export interface Point {
  readonly year: number;
  readonly value: number;
  readonly provisional: boolean;
  /** A provisional count's release month, as the page writes it ("May 2025"). */
  readonly release?: string;
}

/** "2025-05" → "May 2025". */
export const monthYear = (iso: string): string => {
  const [y = 1970, m = 1] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
};

/**
 * content/data/overdose-deaths.csv, one series per column, as the chart must show it: a year's
 * final figure where there is one, else its provisional figure; superseded rows never.
 */
export function deathSeries(column: string): Point[] {
  const rows = parseCsv(read('content/data/overdose-deaths.csv'));
  const byYear = new Map<number, Point>();
  for (const r of rows) {
    const year = Number(r['year']);
    const raw = r[column] ?? '';
    if (raw === '' || r['status'] === 'provisional-superseded') continue;
    const provisional = r['status'] === 'provisional';
    const held = byYear.get(year);
    if (held && !held.provisional) continue;
    const release = provisional && r['release'] ? { release: monthYear(r['release']) } : {};
    byYear.set(year, { year, value: Number(raw), provisional, ...release });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function pointAt(column: string, year: number): Point {
  const p = deathSeries(column).find((q) => q.year === year);
  if (!p) throw new Error(`overdose-deaths.csv has no ${column} figure for ${year}`);
  return p;
}

/** The largest final figure of a series (a provisional count is never a peak). */
export function peakOf(column: string): Point {
  const finals = deathSeries(column).filter((p) => !p.provisional);
  const best = finals.reduce<Point | undefined>((a, p) => (!a || p.value > a.value ? p : a), undefined);
  if (!best) throw new Error(`no final figures for ${column}`);
  return best;
}

export function lastOf(column: string): Point {
  const last = deathSeries(column).at(-1);
  if (!last) throw new Error(`no figures for ${column}`);
  return last;
}

/** Every year with any row in the CSV (the table and the chart span them all). */
export function csvYears(): number[] {
  const years = parseCsv(read('content/data/overdose-deaths.csv')).map((r) => Number(r['year']));
  return [...new Set(years)].sort((a, b) => a - b);
}

export function categories(): Record<string, string>[] {
  return parseCsv(read('content/data/overdose-categories.csv'));
}

export interface Milestone {
  readonly id: string;
  readonly shortLabel: string;
  /** "May 2019", as the chart labels a month-precise date. */
  readonly dateLabel: string;
}

/** Milestones that content/data/milestones.csv puts on the overdoses chart. */
export function chartMilestones(): Milestone[] {
  return parseCsv(read('content/data/milestones.csv'))
    .filter((m) => (m['show_on'] ?? '').split(/[;|, ]+/).includes('overdoses'))
    .map((m) => {
      const [y = 1970, mo = 1] = (m['date'] ?? '').split('-').map(Number);
      const dateLabel = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, mo - 1, 1)),
      );
      return { id: m['id'] ?? '', shortLabel: m['short_label'] || (m['title'] ?? ''), dateLabel };
    });
}

export interface StoryStep {
  readonly id: string;
  readonly scene: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** The steps of content/story/01-toll.md: `:::step{#id state="scene"}` … `:::`. */
export function storySteps(): StoryStep[] {
  const md = read('content/story/01-toll.md');
  const out: StoryStep[] = [];
  for (const m of md.matchAll(/^:::step\{#([\w-]+)\s+state="([\w-]+)"\}\s*\n([\s\S]*?)^:::\s*$/gm)) {
    const body = m[3] ?? '';
    const heading = /^###\s+(.+)$/m.exec(body)?.[1]?.trim() ?? '';
    const paragraphs = body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '' && !p.startsWith('#'))
      .map((p) => p.replace(/\s+/g, ' '));
    out.push({ id: m[1] ?? '', scene: m[2] ?? '', heading, paragraphs });
  }
  return out;
}

export interface BuiltPage {
  /** The HTML file in dist/. */
  readonly file: string;
  /** Its URL path on the preview server ('/', '/embed/overdoses/' …). */
  readonly path: string;
  /** Embeds (under embed/) have their own, smaller JavaScript budget; a page with no chart story (sources) is a `page`. */
  readonly kind: 'story' | 'embed' | 'page';
}

/** Every HTML page of the build in dist/ (run `npm run build` first): the sweeps cover each one. */
export function builtPages(): BuiltPage[] {
  const dist = DIST;
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
  // The same page list the Lighthouse gate, the site check and the bench use.
  return listPages(dist).map((page) => {
    const file = join(dist, page === '' || page.endsWith('/') ? `${page}index.html` : page);
    const kind = page.split('/').includes('embed') ? 'embed' : readFileSync(file, 'utf8').includes('data-scrolly') ? 'story' : 'page';
    return { file, path: `/${page}`, kind };
  });
}

/** `relative` for messages: a dist/ file as the reader of a failure wants to see it. */
export const shown = (file: string): string => relative(ROOT, file);

// ---------------------------------------------------------------- page helpers

export const section = (page: Page): Locator => page.locator('section#toll');
/** A chart's pinned figure (by default the overdoses chart of "The toll"). */
export const figure = (page: Page, chart = 'overdoses'): Locator => page.locator(`figure[data-chart="${chart}"]`);
/** The SVG on screen: CSS shows the compact one on phones and the wide one elsewhere. */
export const visibleSvg = (page: Page): Locator => figure(page).locator('svg[data-size]').filter({ visible: true });
export const mark = (page: Page, key: string): Locator => visibleSvg(page).locator(`[data-key="${key}"]`);
/** The explore controls (slider, year, toggles), wherever the section places them. */
export const explorePanel = (page: Page): Locator => section(page).locator('[data-explore]');

export interface StepInfo {
  readonly id: string;
  readonly scene: string;
}

/** The steps, in page order, as the DOM lists them. */
export async function domSteps(page: Page): Promise<StepInfo[]> {
  return section(page)
    .locator('[data-step]')
    .evaluateAll((els) => els.map((el) => ({ id: el.id, scene: (el as HTMLElement).dataset['scene'] ?? '' })));
}

/** Every step of every section, in page order, with the chart its section pairs with. */
export async function allSteps(page: Page): Promise<(StepInfo & { readonly chart: string })[]> {
  return page.locator('[data-scrolly] [data-step]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.id,
      scene: (el as HTMLElement).dataset['scene'] ?? '',
      chart: el.closest('[data-scrolly]')?.querySelector('[data-chart]')?.getAttribute('data-chart') ?? '',
    })),
  );
}

/**
 * Waits for the script to start (it sets `html[data-mode]`), for every scrolly section on or near the screen
 * to mount (JavaScript adds `is-enhanced`; a section further away mounts as it comes within a quarter of a screen:
 * src/scrolly/main.ts), and for fonts and layout to settle.
 */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('html[data-mode]')).toHaveCount(1);
  await expect
    .poll(() =>
      page.locator('[data-scrolly]').evaluateAll((els) =>
        els
          .filter((el) => {
            const r = (el.closest('section') ?? el).getBoundingClientRect();
            return r.bottom > -window.innerHeight * 0.2 && r.top < window.innerHeight * 1.2;
          })
          .every((el) => el.classList.contains('is-enhanced')),
      ),
    )
    .toBe(true);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Scrolls at once (no smooth scrolling) to where a reader reads the step: on a desktop, its card in the
 * middle of the screen; on a phone, the whole card under the pinned chart, just above the bottom of the
 * screen (and past the line where its step takes over).
 */
export async function scrollCardToCenter(page: Page, stepId: string): Promise<void> {
  await page.evaluate((id) => {
    const card = document.getElementById(id)?.querySelector('.step__card') ?? document.getElementById(id);
    if (!card) throw new Error(`no step #${id}`);
    const r = card.getBoundingClientRect();
    const vh = window.innerHeight;
    const desktop = window.matchMedia('(min-width: 56rem)').matches;
    const top = desktop ? vh / 2 - r.height / 2 : Math.min(vh * 0.78 - 8, vh - r.height - 12);
    window.scrollTo({ top: window.scrollY + r.top - top, behavior: 'instant' });
  }, stepId);
}

/**
 * The id of the active step, from `data-active-step` ('' before the first step). The documented
 * hook is on `section#toll`; this reads the section or, failing that, the element inside it that
 * carries the attribute, so the scroll tests still run while story.spec.ts checks the hook itself.
 */
export const activeStep = (page: Page): Promise<string> =>
  section(page).evaluate((el) => {
    const holder = el.hasAttribute('data-active-step') ? el : el.querySelector('[data-active-step]');
    return holder?.getAttribute('data-active-step') ?? '(unset)';
  });

/**
 * Differences between every chart SVG and the build-time frame of `scene` at that SVG's size: mark keys
 * and order, each mark's attributes and text. Empty when the chart shows exactly the final state of the
 * scene (a finished transition, or a jump). The build draws each scene once, as a step's own chart
 * (`[data-step-figure]`); the entry scene, which no step has, comes in the payload.
 */
export async function frameDiffs(page: Page, scene: string, chart = 'overdoses'): Promise<string[]> {
  return figure(page, chart).evaluate(
    (fig, { scene, fn }) => {
      const diff = new Function('fig', 'scene', 'source', `return (${fn})(fig, scene, source)`) as (
        f: Element,
        s: string,
        src?: Element,
      ) => string[];
      const section = fig.closest('[data-scrolly]');
      if (section?.querySelector(`[data-step-figure="${scene}"]`)) return diff(fig, scene);
      // The entry scene, which no step shows: its frames travel in the payload. Draw them as the build would.
      const payload = JSON.parse(fig.querySelector('script[data-chart-payload]')?.textContent ?? '{}') as {
        entryScene?: string;
        entryFrames?: Record<
          string,
          {
            marks: {
              key: string;
              tag: string;
              attrs: Record<string, string | number>;
              cls?: string;
              text?: string;
              group?: string;
              clip?: boolean;
              enter?: string;
            }[];
          }
        >;
      };
      if (payload.entryScene !== scene || !payload.entryFrames) return [`no build-time frame for scene "${scene}"`];
      const source = document.createElement('div');
      for (const [size, frame] of Object.entries(payload.entryFrames)) {
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('data-size', size);
        for (const m of frame.marks) {
          const el = document.createElementNS('http://www.w3.org/2000/svg', m.tag);
          el.setAttribute('data-key', m.key);
          if (m.cls) el.setAttribute('class', m.cls);
          if (m.group) el.setAttribute('data-group', m.group);
          if (m.clip) el.setAttribute('clip-path', 'url(#plot)');
          if (m.enter === 'draw') el.setAttribute('data-enter', 'draw');
          for (const [k, v] of Object.entries(m.attrs)) el.setAttribute(k, String(v));
          el.textContent = m.text ?? '';
          svg.append(el);
        }
        source.append(svg);
      }
      return diff(fig, scene, source);
    },
    { scene, fn: frameDiffsInPage.toString() },
  );
}

/**
 * Runs in the page (also from init scripts), so it is self-contained. Compares the SVG of `fig` on screen with
 * the SVG of the same size in `source` (default: the section's first step chart in `scene` at the compact
 * size, the frames file at the others), ignoring the id prefix each SVG gives its clip path.
 */
export function frameDiffsInPage(fig: Element, scene: string, source?: Element): string[] {
  // A step's own chart not drawn yet is still the text of its <noscript> (StepFigure.astro): read that markup.
  const drawn = (el: Element | null | undefined): ParentNode | null | undefined => {
    const held = el?.querySelector(':scope > noscript');
    if (!held) return el;
    const template = document.createElement('template');
    template.innerHTML = held.textContent ?? '';
    return template.content;
  };
  const from = source ?? drawn(fig.closest('[data-scrolly]')?.querySelector(`[data-step-figure="${scene}"]`));
  // The steps' own charts carry the compact size only; the build writes every scene at every size into
  // /frames/<chart>.<size>.svg (the figure's data-frames names the stem). Read here synchronously (this runs
  // inside a MutationObserver too), once per file and page.
  const fromFile = (size: string): Element | null => {
    const stem = (fig as HTMLElement).dataset['frames'];
    if (source || !stem) return null;
    const url = `${stem}.${size}.svg`;
    const w = window as unknown as { __framesFiles?: Record<string, Document> };
    const files = (w.__framesFiles ??= {});
    if (!files[url]) {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url, false);
      xhr.send();
      files[url] = new DOMParser().parseFromString(xhr.status === 200 ? xhr.responseText : '<svg/>', 'image/svg+xml');
    }
    return files[url].querySelector(`svg[data-scene="${scene}"]`);
  };
  const diffs: string[] = [];
  const attrsOf = (el: Element): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const n of el.getAttributeNames()) out[n] = n === 'clip-path' ? 'url(#plot)' : (el.getAttribute(n) ?? '');
    return out;
  };
  // The size on screen (CSS shows one; a hidden size is brought up to date when it comes on screen).
  const shown = Array.from(fig.querySelectorAll<SVGSVGElement>('svg[data-size]')).filter((svg) => svg.getClientRects().length > 0);
  if (shown.length !== 1) return [`${shown.length} chart sizes on screen, want 1`];
  for (const svg of shown) {
    const size = svg.dataset['size'] ?? '';
    const want = from?.querySelector(`svg[data-size="${size}"]`) ?? fromFile(size);
    if (!want) {
      diffs.push(`${size}: no build-time SVG for scene "${scene}"`);
      continue;
    }
    const keyed = (root: Element) => Array.from(root.children).filter((el) => el.hasAttribute('data-key'));
    const els = keyed(svg);
    const marks = keyed(want);
    const have = els.map((el) => el.getAttribute('data-key') ?? '');
    const wantKeys = marks.map((el) => el.getAttribute('data-key') ?? '');
    const missing = wantKeys.filter((k) => !have.includes(k));
    const extra = have.filter((k) => !wantKeys.includes(k));
    if (missing.length > 0) diffs.push(`${size}: missing marks ${missing.slice(0, 6).join(', ')}`);
    if (extra.length > 0) diffs.push(`${size}: extra marks ${extra.slice(0, 6).join(', ')}`);
    if (missing.length === 0 && extra.length === 0 && have.join('|') !== wantKeys.join('|')) diffs.push(`${size}: marks out of order`);
    for (const m of marks) {
      const key = m.getAttribute('data-key') ?? '';
      const el = els.find((e) => e.getAttribute('data-key') === key);
      if (!el) continue;
      const expected = attrsOf(m);
      const actual = attrsOf(el);
      const names = new Set([...Object.keys(actual), ...Object.keys(expected)]);
      const bad = [...names].filter((n) => actual[n] !== expected[n]);
      if (el.tagName.toLowerCase() !== m.tagName.toLowerCase()) diffs.push(`${size}: ${key} is <${el.tagName}>, want <${m.tagName}>`);
      if (bad.length > 0)
        diffs.push(
          `${size}: ${key} ${bad.map((n) => `${n}=${JSON.stringify(actual[n] ?? null)} (want ${JSON.stringify(expected[n] ?? null)})`).join(' ')}`,
        );
      if ((el.textContent ?? '') !== (m.textContent ?? ''))
        diffs.push(`${size}: ${key} text ${JSON.stringify(el.textContent)} (want ${JSON.stringify(m.textContent ?? '')})`);
    }
  }
  return diffs.slice(0, 12);
}

/** The chart has finished moving to `scene`: every SVG carries exactly that scene's final marks. */
export async function expectSettled(page: Page, scene: string, timeout = 6_000, chart = 'overdoses'): Promise<void> {
  await expect(figure(page, chart)).toHaveAttribute('data-scene', scene);
  await expect
    .poll(() => frameDiffs(page, scene, chart), { timeout, message: `${chart} chart did not settle on scene "${scene}"` })
    .toEqual([]);
}

/** A mark a reader can see: in the visible SVG, laid out, not transparent. */
export async function expectMarkShown(page: Page, key: string): Promise<Locator> {
  const el = mark(page, key);
  await expect(el, `mark ${key} in the visible chart`).toHaveCount(1);
  await expect(el, `mark ${key} is visible`).toBeVisible();
  const opacity = await el.evaluate((e) => Number(e.getAttribute('opacity') ?? '1') * Number(getComputedStyle(e).opacity));
  expect(opacity, `mark ${key} opacity`).toBeGreaterThan(0.2);
  return el;
}

/** Runs axe on the page (or only `within`, a selector); the assertion message lists each violation with the elements it found. */
export async function expectNoAxeViolations(page: Page, where: string, within?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  const report = violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
          .join('\n'),
    )
    .join('\n');
  expect(violations.length, `axe violations ${where}:\n${report}`).toBe(0);
}

/** Every error a page logs or throws, collected for the end of a test. */
export function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The page is no wider than the screen (nothing scrolls sideways). */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where}: the page is no wider than the screen`).toBeLessThanOrEqual(client);
}
