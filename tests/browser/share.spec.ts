/**
 * What a teacher or a reader shares (#12): a link to any step lands in that step's state, in every section,
 * without replaying the steps before it; the address follows the reader's step without flooding the
 * history; the link control copies (or shares) the step's address; each chart's downloads parse and say
 * what its table shows, with its sources, the date of its data and the licence; /sources/ lists every
 * source id the site uses and nothing else; the share images are what the metadata says they are.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { allSteps, builtPages, ROOT, storyCharts, expectSettled, figure, parseCsv, ready, scrollCardToCenter } from './support';

/** Every scene the section's chart takes while the page lands (installed before the page's own scripts). */
function installSceneRecorder(): void {
  const seen: string[] = [];
  (window as Window & { __scenes?: string[] }).__scenes = seen;
  new MutationObserver((list) => {
    for (const m of list) {
      const el = m.target as HTMLElement;
      if (m.attributeName === 'data-scene' && el.matches('figure[data-chart]')) seen.push(`${el.dataset['chart']}:${el.dataset['scene']}`);
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-scene'] });
}
const scenesSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as Window & { __scenes?: string[] }).__scenes ?? []);

/** Per chart, a step in the middle of its section: not its first (the arrival must skip earlier scenes), not its explore step. */
async function middleSteps(page: Page) {
  const steps = (await allSteps(page)).filter((s) => s.scene !== 'explore');
  const charts = [...new Set(steps.map((s) => s.chart))];
  return charts.map((chart) => {
    const own = steps.filter((s) => s.chart === chart);
    const target = own[Math.floor(own.length / 2)]!;
    const earlier = own
      .slice(0, own.indexOf(target))
      .map((s) => s.scene)
      .filter((scene) => scene !== target.scene);
    return { chart, target, earlier };
  });
}

test.describe('a link to a step', () => {
  test('lands in that step’s state in every section, the same state scrolling reaches, without replaying the steps before it', async ({
    page,
  }) => {
    await page.goto('/');
    await ready(page);
    const targets = await middleSteps(page);
    expect(targets.map((t) => t.chart)).toEqual(storyCharts().map((c) => c.chart));
    for (const { chart, target, earlier } of targets) {
      // Reached by scrolling: the build-time frame of the step's scene (expectSettled compares every SVG with it).
      await page.goto('/');
      await ready(page);
      await scrollCardToCenter(page, target.id);
      await expectSettled(page, target.scene, 8_000, chart);
      await expect(page.locator(`#${target.id}`)).toHaveClass(/\bis-active\b/);

      // Reached by the link: a fresh page.
      const fresh = await page.context().newPage();
      await fresh.addInitScript(installSceneRecorder);
      await fresh.goto(`/#${target.id}`);
      await ready(fresh);
      await expectSettled(fresh, target.scene, 8_000, chart);
      await expect(fresh.locator(`#${target.id}`)).toHaveClass(/\bis-active\b/);
      await expect(fresh.locator(`#${target.id} .step__card`)).toBeInViewport();
      await fresh.waitForTimeout(300);
      const seen = (await scenesSeen(fresh)).filter((s) => s.startsWith(`${chart}:`)).map((s) => s.slice(chart.length + 1));
      expect(
        seen.filter((s) => earlier.includes(s)),
        `#${target.id}: ${chart} scenes while landing: ${seen.join(' → ')}`,
      ).toEqual([]);
      expect(new URL(fresh.url()).hash).toBe(`#${target.id}`);
      await fresh.close();
    }
  });

  test('the address follows the reader’s step, replacing the history entry rather than adding one', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const before = await page.evaluate(() => history.length);
    const steps = (await allSteps(page)).filter((s) => s.scene !== 'explore');
    const sample = [steps[1]!, steps[Math.floor(steps.length / 2)]!, steps.at(-1)!];
    for (const step of sample) {
      await scrollCardToCenter(page, step.id);
      await expect(page.locator(`#${step.id}`)).toHaveClass(/\bis-active\b/);
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${step.id}`);
    }
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('the link control copies the step’s address (or hands it to the share sheet on a phone), and says so', async ({
    page,
    context,
    browserName,
  }, info) => {
    expect(browserName).toBe('chromium');
    const origin = new URL(info.project.use.baseURL ?? 'http://127.0.0.1').origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const phone = info.project.name === 'phone';
    if (phone) {
      // A phone's share sheet: record what the page hands it.
      await page.addInitScript(() => {
        const shared: ShareData[] = [];
        (window as Window & { __shared?: ShareData[] }).__shared = shared;
        Object.defineProperty(navigator, 'share', { value: async (data: ShareData) => void shared.push(data), configurable: true });
      });
    }
    await page.goto('/');
    await ready(page);
    const step = (await allSteps(page)).find((s) => s.chart === 'pipeline' && s.scene !== 'explore')!;
    await scrollCardToCenter(page, step.id);
    const link = page.locator(`#${step.id} [data-step-link]`);
    await expect(link).toBeVisible();
    await expect(link).toHaveAccessibleName(/.+/);
    await link.click();
    const expected = `${origin}/#${step.id}`;
    if (phone) {
      await expect
        .poll(() => page.evaluate(() => (window as Window & { __shared?: ShareData[] }).__shared?.map((d) => d.url)))
        .toEqual([expected]);
    } else {
      await expect(page.locator(`#${step.id} [data-step-link-status]`)).not.toBeEmpty();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      // The status is announced (role=status) and goes away again.
      await expect(page.locator(`#${step.id} [data-step-link-status]`)).toHaveAttribute('role', 'status');
    }
  });
});

test.describe('data downloads', () => {
  test('each chart’s CSV and JSON parse, match its table row for row, and state sources, date and licence', async ({
    page,
    request,
  }, info) => {
    test.skip(info.project.name === 'phone', 'the files are the same at every size');
    await page.goto('/');
    await ready(page);
    const charts = await page.locator('figure[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')!));
    expect(charts).toEqual(storyCharts().map((c) => c.chart));
    for (const chart of charts) {
      const fig = figure(page, chart);
      const section = page.locator('section.story-section').filter({ has: fig });
      const csvHref = await section.locator('.chart-data a[type="text/csv"]').getAttribute('href');
      const jsonHref = await section.locator('.chart-data a[type="application/json"]').getAttribute('href');
      expect(csvHref).toBe(`/data/${chart}.csv`);
      expect(jsonHref).toBe(`/data/${chart}.json`);
      const asOf = await section.locator('.chart-data time').getAttribute('datetime');

      const csvResponse = await request.get(csvHref!);
      expect(csvResponse.ok()).toBe(true);
      const rows = parseCsv(await csvResponse.text());
      const json = (await (await request.get(jsonHref!)).json()) as {
        chart: string;
        dataAsOf: string;
        licence: string;
        sources: { id: string }[];
        columns: string[];
        rows: Record<string, unknown>[];
      };

      // The table the page shows under the chart.
      const table = section.locator('.data-table table');
      const head = await table.locator('thead th').allTextContents();
      const body = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent?.trim() ?? '')));
      expect(rows.length, `${chart}.csv rows`).toBe(body.length);
      expect(json.rows.length, `${chart}.json rows`).toBe(body.length);
      expect(json.columns).toEqual(head.map((h) => h.trim()));
      // The sources the section shows: its list under the chart, and the source links of its table's rows
      // (the timeline links each event's sources in its row; its list names the words' and quotes').
      const chartSources = await section
        .locator('.sources__list li .sources__id, .data-table a[href*="sources/#"]')
        .evaluateAll((els) => els.map((el) => el.textContent?.trim() ?? ''));
      body.forEach((cells, r) => {
        cells.forEach((text, c) => {
          const column = json.columns[c]!;
          const value = rows[r]![column] ?? '';
          const inJson = json.rows[r]![column];
          if (value === '') {
            // A gap stays a gap in both files (the table shows a dash).
            expect([null, ''], `${chart}.json row ${r + 1}, ${column}`).toContain(inJson ?? null);
            return;
          }
          if (typeof inJson === 'number') {
            // A figure: the table prints it formatted ("107,941"); the files keep the number.
            expect(Number(value), `${chart}.csv row ${r + 1}, ${column}`).toBe(inJson);
            // The table may round ("14,700 lb" for 14,699.88): it shows the figure to the precision it prints.
            const shown = [...text.matchAll(/-?\d[\d,]*(?:\.(\d+))?/g)].map((m) => ({
              n: Number(m[0].replace(/,/g, '')),
              places: m[1]?.length ?? 0,
            }));
            expect(
              shown.some(({ n, places }) => Math.abs(n - inJson) <= 0.5 * 10 ** -places + 1e-9),
              `${chart} row ${r + 1}, ${column}: the table shows "${text}", the files ${inJson}`,
            ).toBe(true);
          } else if (/^\d{4}-\d{2}(-\d{2})?$/.test(value)) {
            // A date: ISO in the files ("2019-05", a month stays a month), written out in the table ("May 2019").
            expect(inJson).toBe(value);
            const [year, month, day] = value.split('-').map(Number) as [number, number, number | undefined];
            const name = new Date(Date.UTC(year, month - 1, day ?? 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
            expect(text, `${chart} row ${r + 1}, ${column}`).toContain(String(year));
            expect(text, `${chart} row ${r + 1}, ${column}`).toContain(name);
            if (day !== undefined) expect(text).toMatch(new RegExp(`\\b${day}\\b`));
            else expect(text, `${chart} row ${r + 1}: a month-only date gets no day`).not.toMatch(/\b\d{1,2}\b/);
          } else {
            expect(inJson, `${chart}.json row ${r + 1}, ${column}`).toBe(value);
            expect(text, `${chart} row ${r + 1}, ${column}`).toContain(value.slice(0, 40));
          }
        });
        // Every row states the sources, the date of the data and the licence.
        const row = rows[r]!;
        const meta = Object.keys(row).slice(json.columns.length);
        const [sourcesCell, asOfCell, licenceCell] = meta.slice(-3).map((k) => row[k] ?? '');
        expect(asOfCell).toBe(asOf);
        expect(licenceCell).toBe(json.licence);
        expect(licenceCell).toMatch(/CC BY 4\.0/);
        for (const s of json.sources) expect(sourcesCell).toContain(s.id);
      });
      expect(json.chart).toBe(chart);
      expect(json.dataAsOf).toBe(asOf);
      // The files credit the chart's own sources, each of which the section shows.
      for (const s of json.sources) expect(chartSources).toContain(s.id);
    }
  });
});

test.describe('sources and methods', () => {
  test('/sources/ lists every source id used anywhere on the site, and no id that is not', async ({ page }, info) => {
    test.skip(info.project.name === 'phone', 'the lists are the same at every size');
    const used = new Map<string, string>();
    for (const built of builtPages()) {
      if (!built.path.endsWith('/') || built.path === '/sources/') continue;
      await page.goto(built.path);
      const ids = await page.evaluate(() => [
        ...[...document.querySelectorAll<HTMLAnchorElement>('a[href*="sources/#"]')].map((a) => new URL(a.href).hash.slice(1)),
        ...[...document.querySelectorAll('.source-entries__id, .sources__id')].map((e) => e.textContent?.trim() ?? ''),
      ]);
      for (const id of ids) if (/^[A-Z]+\d+$/.test(id)) used.set(id, built.path);
    }
    expect(used.size).toBeGreaterThan(50);
    await page.goto('/sources/');
    const listed = await page.locator('[data-source-index] li[data-source]').evaluateAll((lis) => lis.map((li) => li.id));
    const missing = [...used].filter(([id]) => !listed.includes(id)).map(([id, where]) => `${id} (on ${where})`);
    expect(missing, 'ids used on the site but not on /sources/').toEqual([]);
    const unused = listed.filter((id) => !used.has(id));
    expect(unused, 'ids on /sources/ that the site does not use').toEqual([]);
    const known = new Set(parseCsv(readFileSync(`${ROOT}content/data/sources.csv`, 'utf8')).map((r) => r['source_id']));
    expect(
      listed.filter((id) => !known.has(id)),
      'ids not in content/data/sources.csv',
    ).toEqual([]);
    // Each entry names its organisation, title (a link), date, and where it is used; each chart has its dataset block.
    for (const li of await page.locator('[data-source-index] li').all()) {
      await expect(li.locator('a[href^="http"]').first()).toBeVisible();
      await expect(li.locator('.source-index__used a').first()).toBeAttached();
    }
    for (const { chart } of storyCharts()) {
      const block = page.locator(`[data-dataset="${chart}"]`);
      await expect(block).toHaveAttribute('id', chart);
      await expect(block.locator('time')).toHaveCount(2);
      await expect(block.locator(`a[href="/data/${chart}.csv"]`)).toBeVisible();
    }
    // Every in-page link lands on something.
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
        .map((a) => a.hash.slice(1))
        .filter((id) => !document.getElementById(id)),
    );
    expect(dangling).toEqual([]);
    await expect(page.locator('[data-privacy]')).toContainText(/no analytics/i);
  });

  // (axe looks at /sources/ in both schemes with every other page: sweep.spec.ts.)
  test('/sources/ never scrolls sideways', async ({ page }) => {
    await page.goto('/sources/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

test.describe('share images', () => {
  test('the story, each chart’s embed and the pages carry Open Graph and Twitter cards with a 1200 × 630 image under 150 KB', async ({
    page,
    request,
  }, info) => {
    test.skip(info.project.name === 'phone', 'metadata does not change with the screen');
    const pages = builtPages().filter((p) => p.path.endsWith('/'));
    const images = new Set<string>();
    for (const built of pages) {
      await page.goto(built.path);
      const meta = (name: string) => page.locator(`meta[property="${name}"], meta[name="${name}"]`).getAttribute('content');
      const image = await meta('og:image');
      expect(image, `${built.path} og:image`).toMatch(/\/og\/[\w-]+\.png$/);
      expect(await meta('og:image:width')).toBe('1200');
      expect(await meta('og:image:height')).toBe('630');
      expect((await meta('og:image:alt'))?.length ?? 0).toBeGreaterThan(20);
      expect(await meta('twitter:card')).toBe('summary_large_image');
      expect(await meta('og:title')).toBeTruthy();
      expect(await meta('og:description')).toBeTruthy();
      expect(await meta('og:url')).toBe(await page.locator('link[rel="canonical"]').getAttribute('href'));
      if (built.kind === 'embed') expect(storyCharts().map((c) => `/og/${c.section}.png`)).toContain(new URL(image!).pathname);
      images.add(new URL(image!).pathname);
    }
    expect(images.size, 'the story’s image and one per chart').toBe(1 + storyCharts().length);
    for (const path of images) {
      const response = await request.get(path);
      expect(response.ok(), path).toBe(true);
      expect(response.headers()['content-type']).toContain('image/png');
      const png = await response.body();
      expect(png.subarray(1, 4).toString(), path).toBe('PNG');
      expect(png.readUInt32BE(16), `${path} width`).toBe(1200);
      expect(png.readUInt32BE(20), `${path} height`).toBe(630);
      expect(png.length, `${path} bytes`).toBeLessThan(150 * 1024);
    }
  });
});
