/**
 * Newsroom embeds: every chart on its own page, sized by the host. A host page on another origin loads the
 * real pym.js (from its npm package) and embeds each chart; the frame must be exactly as tall as the chart's
 * document, on a desktop and a phone, and after the host is resized. Also: the step and theme options,
 * hostile options, a sandboxed frame, a plain frame with our host script, a host with a strict CSP, the
 * Embed panel's code pasted into a blank page, and the embed without JavaScript.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, type Page, type FrameLocator } from '@playwright/test';
import { builtPages } from './support';

const PYM = readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'), 'utf8');
const embeds = builtPages()
  .filter((p) => p.kind === 'embed' && p.path.endsWith('/'))
  .map((p) => p.path);

/** A host page on another origin (another port): its HTML comes from the test, pym.js from its own origin. */
let host: Server;
let hostOrigin = '';
const pages = new Map<string, string>();
test.beforeAll(async () => {
  host = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/pym.v1.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(PYM);
      return;
    }
    const html = pages.get(path);
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const address = host.address();
  hostOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Serves `body` as a host page at `path` (with a strict CSP of the host's own, allowing only what an embed needs). */
function hostPage(path: string, body: string, embedOrigin: string): string {
  pages.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${embedOrigin}; frame-src ${embedOrigin}; style-src 'self'">` +
      `<title>A newsroom's article</title></head><body><h1>A newsroom's article</h1><p>Some words before the chart.</p>${body}<p>Some words after.</p></body></html>`,
  );
  return `${hostOrigin}${path}`;
}

/** The embed frame's height as the host set it, and the height of the document inside it. */
async function heights(page: Page, frame: FrameLocator): Promise<{ iframe: number; doc: number }> {
  // The frame's inner height (a frame without frameborder="0" has a border around it).
  const iframe = await page
    .locator('iframe')
    .first()
    .evaluate((el) => el.clientHeight);
  const doc = await frame.locator('html').evaluate((el) => el.getBoundingClientRect().height);
  return { iframe, doc };
}

async function expectFits(page: Page, frame: FrameLocator, where: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const h = await heights(page, frame);
        return Math.abs(h.iframe - h.doc);
      },
      { message: `${where}: the frame is as tall as its document`, timeout: 8_000 },
    )
    .toBeLessThanOrEqual(3);
}

test.describe('embeds', () => {
  test.skip(({ isMobile }) => isMobile, 'host widths are set per test: runs once, in the desktop project');

  test('the build has an embed page per chart', () => {
    expect(embeds.length, 'embed pages in dist/').toBeGreaterThan(0);
    expect(embeds).toContain('/embed/overdoses/');
  });

  for (const path of embeds) {
    test(`${path} in a pym.js host on another origin: the frame is as tall as the chart, desktop and phone, after a resize`, async ({
      page,
      baseURL,
    }) => {
      const origin = new URL(baseURL!).origin;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const url = hostPage(
        `/pym${path.replace(/\//g, '-')}.html`,
        `<div data-pym-src="${origin}${path}"></div><script src="/pym.v1.min.js"></script>`,
        origin,
      );
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        const frame = page.frameLocator('iframe');
        await expect(frame.locator('[data-embed][data-active-step]')).toHaveCount(1);
        await expectFits(page, frame, `${path} at ${width} px`);
        // The frame has no scrollbar of its own: its document is no taller than the frame.
        const inner = await frame.locator('html').evaluate((el) => el.scrollHeight - window.innerHeight);
        expect(inner, 'no inner scrolling').toBeLessThanOrEqual(1);
      }
      // The host narrows: the chart reflows, and the frame follows.
      await page.setViewportSize({ width: 700, height: 900 });
      await expectFits(page, page.frameLocator('iframe'), `${path} after the host is resized to 700 px`);
      // A state change resizes the frame too.
      await page.frameLocator('iframe').locator('[data-step-next]').click();
      await expectFits(page, page.frameLocator('iframe'), `${path} after Next`);
      expect(errors).toEqual([]);
    });
  }

  test('?step= opens a step; ?theme=dark and ?theme=light override the reader’s system; links open outside the frame', async ({ page }) => {
    await page.goto('/embed/overdoses/');
    const steps = await page
      .locator('[data-step]')
      .evaluateAll((els) => els.map((e) => ({ id: e.id, scene: (e as HTMLElement).dataset['scene'] })));
    const pick = steps[4]!;
    await page.goto(`/embed/overdoses/?step=${pick.id}`);
    await expect(page.locator('[data-embed]')).toHaveAttribute('data-active-step', pick.id);
    await expect(page.locator('figure[data-chart]')).toHaveAttribute('data-scene', pick.scene!);
    await expect(page.locator(`#${pick.id}`)).toBeVisible();
    await expect(page.locator('[data-step-list]')).toHaveValue(pick.id);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/embed/overdoses/?theme=dark');
    const dark = await bg();
    await page.goto('/embed/overdoses/');
    const light = await bg();
    expect(dark).not.toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/embed/overdoses/?theme=light');
    expect(await bg()).toBe(light);
    for (const a of await page.locator('a[href]').all()) {
      await expect(a).toHaveAttribute('target', '_blank');
      await expect(a).toHaveAttribute('rel', /noopener/);
    }
  });

  test('hostile options are ignored, never written into the page', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const evil = [
      `step=${encodeURIComponent('<script>alert(1)</script>')}`,
      `theme=${encodeURIComponent('"><img src=x onerror=alert(2)>')}`,
      `childId=${encodeURIComponent(`x"'><svg onload=alert(3)>`)}`,
      `step=${'a'.repeat(4_000)}`,
    ];
    for (const q of evil) {
      await page.goto(`/embed/overdoses/?${q}#${encodeURIComponent('<img src=x onerror=alert(4)>')}`);
      await expect(page.locator('[data-embed]')).toHaveAttribute('data-active-step', /.+/);
      const first = await page.locator('[data-step]').first().getAttribute('id');
      await expect(page.locator('[data-embed]')).toHaveAttribute('data-active-step', first!);
      expect(await page.locator('img, body script:not([type="application/json"]):not([src]):not([type="module"])').count()).toBe(0);
      expect(await page.content()).not.toContain('onerror=alert');
      expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? '')).toBe('');
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a plain frame with our host script, sandboxed without same-origin, in a host with a strict CSP', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = hostPage(
      '/sandboxed.html',
      `<iframe data-ox-embed sandbox="allow-scripts allow-popups" src="${origin}/embed/overdoses/?step=synthetic-surge" title="Chart" width="100%" height="300"></iframe>` +
        `<script src="${origin}/embed/host.js"></script>`,
      origin,
    );
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(url);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('[data-embed]')).toHaveAttribute('data-active-step', 'synthetic-surge');
    await expectFits(page, frame, 'sandboxed frame with host.js');
    expect(errors).toEqual([]);
  });

  test('the Embed panel: options rewrite the code, the preview shows the chart, the copy button copies; the code works pasted into a blank page', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await page.goto('/');
    const panel = page.locator('section#toll [data-embed-panel]');
    await panel.locator('summary').click();
    await panel.locator('[data-embed-step]').selectOption('synthetic-surge');
    await panel.locator('[data-embed-theme]').selectOption('dark');
    const code = panel.locator('[data-embed-code]');
    await expect(code).toHaveValue(/data-pym-src="[^"]*\/embed\/overdoses\/\?step=synthetic-surge&amp;theme=dark#synthetic-surge"/);
    // The preview is the chart as a host shows it, sized by its messages.
    const preview = panel.frameLocator('iframe');
    await expect(preview.locator('[data-embed]')).toHaveAttribute('data-active-step', 'synthetic-surge');
    await panel.locator('[data-embed-copy]').click();
    await expect(panel.locator('[data-embed-status]')).not.toBeEmpty();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code.inputValue());
    // Pasted as is into a blank page on another origin (pym.js from our site, as the code says).
    const origin = new URL(baseURL!).origin;
    const blank = `${hostOrigin}/pasted.html`;
    pages.set(
      '/pasted.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body>${copied}</body></html>`,
    );
    await page.goto(blank);
    await expect(page.frameLocator('iframe').locator('[data-embed]')).toHaveAttribute('data-active-step', 'synthetic-surge');
    await expectFits(page, page.frameLocator('iframe'), 'the pasted pym code');
    // And the plain iframe code, with its host script.
    await page.goto('/');
    await panel.locator('summary').click();
    await panel.locator('[data-embed-variant][value="iframe"]').check();
    const plain = await code.inputValue();
    expect(plain).toContain(`src="${origin}/embed/host.js"`);
    pages.set(
      '/pasted-plain.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body>${plain}</body></html>`,
    );
    await page.goto(`${hostOrigin}/pasted-plain.html`);
    await expectFits(page, page.frameLocator('iframe'), 'the pasted plain iframe code');
  });

  test('the Embed panel’s preview is out of the Tab order while it loads, and Tab enters it once it has loaded', async ({ page }) => {
    // The chart's page arrives slowly, as on a slow connection.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/embed/overdoses/',
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.goto('/');
    const panel = page.locator('section#toll [data-embed-panel]');
    await panel.locator('summary').click();
    await expect(panel.locator('iframe')).toHaveCount(1);
    const afterCopy = async () => {
      await panel.locator('[data-embed-copy]').focus();
      await page.keyboard.press('Tab');
      return page.evaluate(() => {
        const el = document.activeElement;
        const inner = el instanceof HTMLIFrameElement ? el.contentDocument?.activeElement : undefined;
        return {
          frame: el instanceof HTMLIFrameElement,
          inner: inner?.tagName.toLowerCase(),
          innerPage: el instanceof HTMLIFrameElement ? el.contentDocument?.URL : undefined,
        };
      });
    };
    // Loading: Tab passes the frame by (in it, focus would sit on a blank page with no ring).
    expect((await afterCopy()).frame, 'a frame still loading takes no focus').toBe(false);
    release();
    await expect(panel.frameLocator('iframe').locator('[data-embed]')).toBeAttached();
    // Loaded means the frame's load event (its page with its fonts and script), not its first markup.
    await expect(panel.locator('iframe')).not.toHaveAttribute('tabindex');
    // Loaded: Tab enters the chart's page and focuses its first control, which draws its own ring.
    const entered = await afterCopy();
    expect(entered.frame).toBe(true);
    expect(entered.innerPage).toContain('/embed/overdoses/');
    expect(entered.inner).not.toBe('body');
  });

  test('the oEmbed document describes the chart as a rich embed', async ({ request, page }) => {
    await page.goto('/embed/overdoses/');
    const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await request.get(new URL(href!).pathname);
    expect(res.ok()).toBe(true);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ version: '1.0', type: 'rich' });
    expect(String(doc['html'])).toContain('/embed/overdoses/');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /#toll$/);
  });
});

test.describe('an embed without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test.skip(({ isMobile }) => isMobile, 'once, in the desktop project');

  test('shows the first step, or the step the address names, with its own chart', async ({ page }) => {
    await page.goto('/embed/overdoses/');
    const first = page.locator('[data-step]').first();
    await expect(first).toBeVisible();
    await expect(first.locator('[data-step-figure] svg').filter({ visible: true })).toHaveCount(1);
    await page.goto('/embed/overdoses/#synthetic-surge');
    await expect(page.locator('#synthetic-surge')).toBeVisible();
    await expect(first).toBeHidden();
    await expect(page.locator('#synthetic-surge [data-step-figure="surge"] svg').filter({ visible: true })).toHaveCount(1);
  });
});
