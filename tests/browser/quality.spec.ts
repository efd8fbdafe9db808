/**
 * A whole read of the page, top to bottom: no script errors, nothing fetched from another origin,
 * no Content-Security-Policy violation, no failed request, and never a sideways scroll.
 */
import { test, expect, type Page } from '@playwright/test';
import { activeStep, expectSettled, figure, ready, scrollCardToCenter } from './support';

type CspWindow = Window & { __csp?: string[] };

/**
 * Horizontal overflow where the reader is now, or '' when there is none. Besides scrollWidth ≤
 * innerWidth, innerWidth must still be the device's width: a mobile browser zooms out to fit wide
 * content, which makes innerWidth grow with it.
 */
async function overflow(page: Page, where: string): Promise<string> {
  const width = page.viewportSize()?.width ?? 0;
  const { sw, iw, y } = await page.evaluate(() => ({
    sw: document.documentElement.scrollWidth,
    iw: window.innerWidth,
    y: Math.round(window.scrollY),
  }));
  if (sw <= iw && iw <= width) return '';
  // Name the culprits so the failure says what to fix.
  const culprits = await page.evaluate((w) => {
    const all = Array.from(document.querySelectorAll('body *')).map((el) => ({ el, r: el.getBoundingClientRect() }));
    const wide = all.filter(({ r }) => r.right > w + 1 && r.width > 0);
    // Prefer elements not already inside a horizontal scroller (those are clipped and harmless).
    const loose = wide.filter(({ el }) => !el.parentElement?.closest('[class*="scroll"]') || getComputedStyle(el).position === 'absolute');
    return (loose.length > 0 ? loose : wide)
      .slice(0, 4)
      .map(
        ({ el, r }) =>
          `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} right=${Math.round(r.right)}`,
      );
  }, width);
  return `${where} (scrollY ${y}, active step "${await activeStep(page)}"): scrollWidth ${sw}, innerWidth ${iw}, viewport ${width}; ${culprits.join(', ')}`;
}

test('a full read: no errors, only same-origin requests, no CSP violations, no sideways scroll', async ({ page, baseURL }) => {
  test.setTimeout(180_000); // the wheel reads the whole story, every chart section, 400 px at a time
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4399').origin;
  const errors: string[] = [];
  const foreign: string[] = [];
  const failed: string[] = [];
  const csp: string[] = [];
  const overflows: string[] = [];
  let requests = 0;

  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    if (/Content Security Policy/i.test(m.text())) csp.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    requests++;
    const url = r.url();
    // data: and blob: URLs never leave the browser.
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  await page.addInitScript(() => {
    const w = window as CspWindow;
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp?.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });

  await page.goto('/');
  await ready(page);
  overflows.push(await overflow(page, 'top'));

  // Read down the whole page with the wheel, checking for sideways overflow at every stop.
  await page.mouse.move(5, 5);
  const bottom = () => page.evaluate(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2);
  let last = -1;
  let stalled = 0;
  for (let i = 0; i < 200 && !(await bottom()) && stalled < 10; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(60);
    const y = await page.evaluate(() => window.scrollY);
    stalled = y === last ? stalled + 1 : 0; // a busy machine may apply a wheel notch late
    last = y;
    overflows.push(await overflow(page, `scroll stop ${i}`));
  }
  expect(await bottom(), 'reached the end of the page').toBe(true);
  overflows.push(await overflow(page, 'end'));

  // Mid-story, settled, and the explore state with its panel and table open.
  await scrollCardToCenter(page, 'policy-moments');
  await expectSettled(page, 'policy');
  overflows.push(await overflow(page, 'mid-story (policy)'));
  await scrollCardToCenter(page, 'explore-toll');
  await expectSettled(page, 'explore');
  overflows.push(await overflow(page, 'explore'));
  for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  // Everything the open <details> load (the Embed panels' live previews) has loaded. Not 'networkidle': the
  // address following the step (history.replaceState) keeps Playwright from ever declaring it.
  const frames = await page.locator('iframe').count();
  await expect.poll(() => page.frames().length - 1, { message: 'every frame on the page has a document' }).toBeGreaterThanOrEqual(frames);
  for (const frame of page.frames()) await frame.waitForLoadState('load');
  overflows.push(await overflow(page, 'end, every <details> open'));

  csp.push(...(await page.evaluate(() => (window as CspWindow).__csp ?? ['(listener missing)'])));
  expect(requests, 'the page made requests at all').toBeGreaterThan(1);
  expect.soft(errors, 'console errors and page errors').toEqual([]);
  expect.soft(foreign, `requests to origins other than ${origin}`).toEqual([]);
  expect.soft(failed, 'failed requests').toEqual([]);
  expect.soft(csp, 'Content-Security-Policy violations').toEqual([]);
  expect
    .soft(
      overflows.filter((o) => o !== ''),
      'horizontal overflow',
    )
    .toEqual([]);
});

/**
 * Cumulative layout shift is 0: nothing the reader is looking at moves while the page loads, its
 * fonts arrive and its script enhances it, at the top and on a deep link to a step. Fonts load with
 * `font-display: optional` and a preload; controls that need JavaScript take their space from the
 * first paint. Shifts right after input (hadRecentInput) are the reader's doing and do not count.
 */
for (const [where, path] of [
  ['at the top', '/'],
  ['on a deep link to a step', '/#wave-synthetic'],
] as const) {
  test(`no layout shift while the page loads ${where}`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as Window & { __shifts?: string[]; __cls?: number };
      w.__shifts = [];
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node }[];
        })[]) {
          if (e.hadRecentInput) continue;
          w.__cls = (w.__cls ?? 0) + e.value;
          const nodes = e.sources.map((s) =>
            s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : (s.node?.nodeName ?? '?'),
          );
          w.__shifts?.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${nodes.join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    await ready(page);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(1000);
    const { cls, shifts } = await page.evaluate(() => {
      const w = window as Window & { __shifts?: string[]; __cls?: number };
      return { cls: w.__cls ?? -1, shifts: w.__shifts ?? [] };
    });
    expect(cls, `layout shifts ${where}:\n${shifts.join('\n')}`).toBe(0);
  });
}

test('a chart size that comes on screen when the window is resized shows the current scene at once', async ({ page, isMobile }) => {
  test.skip(isMobile, 'resizes the window: runs once, in the desktop project');
  await page.goto('/');
  await ready(page);
  await scrollCardToCenter(page, 'wave-synthetic');
  await expectSettled(page, 'wave-synthetic');
  // Narrower: the medium, then the compact size comes on screen, in the scene of the step now in view.
  for (const [width, height, size] of [
    [1000, 900, 'medium'],
    [380, 900, 'compact'],
    [1280, 800, 'wide'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(figure(page).locator('svg[data-size]').filter({ visible: true })).toHaveAttribute('data-size', size);
    const scene = (await figure(page).getAttribute('data-scene')) ?? '';
    expect(scene).not.toBe('axes');
    await expectSettled(page, scene, 1_000);
  }
});
