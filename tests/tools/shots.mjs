// Screenshots of steps, for looking at the work: `npm run shots -- <width> <height> <step-id|top|all> …` of the
// build in dist/ (served here, or the page at URL=…). Each step is shown where a reader reads it:
// on a phone, the whole card just above the bottom of the screen, under the pinned chart. Files go to /tmp
// (or SHOTS_DIR). SCHEME=dark, NOJS=1, RM=reduce change how the page is opened.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { serve } from './static-server.mjs';
const [w, h, ...ids] = process.argv.slice(2);
const dir = process.env.SHOTS_DIR ?? '/tmp';
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({
  viewport: { width: +w, height: +h },
  deviceScaleFactor: Number(process.env.DPR ?? 1),
  colorScheme: process.env.SCHEME ?? 'light',
  reducedMotion: process.env.RM ?? 'no-preference',
  javaScriptEnabled: process.env.NOJS ? false : true,
});
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
const server = process.env.URL ? undefined : await serve(process.env.DIST_DIR ?? 'dist');
await page.goto(process.env.URL ?? server.url);
await page.waitForTimeout(500);
const all = ids.includes('all') ? await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.id)) : ids;
const tag = `${w}x${h}${process.env.SCHEME ? `-${process.env.SCHEME}` : ''}${process.env.NOJS ? '-nojs' : ''}`;
for (const [i, id] of all.entries()) {
  if (id === 'top') {
    await page.screenshot({ path: `${dir}/shot-${tag}-top.png` });
    continue;
  }
  await page.evaluate((id) => {
    const step = document.getElementById(id);
    const card = step.querySelector('.step__card') ?? step;
    const r = card.getBoundingClientRect();
    const vh = window.innerHeight;
    const wide = window.innerWidth >= 896;
    // Phones: the whole card just above the bottom (and past the trigger line); desktops: the card mid-screen.
    const top = wide ? vh * 0.45 - r.height / 2 : Math.min(vh * 0.78 - 8, vh - r.height - 12);
    window.scrollTo({ top: window.scrollY + r.top - top, behavior: 'instant' });
  }, id);
  await page.waitForTimeout(1400);
  const scene = await page.getAttribute('[data-chart]', 'data-scene');
  console.log(id, '→', scene);
  await page.screenshot({ path: `${dir}/shot-${tag}-${String(i + 1).padStart(2, '0')}-${id}.png` });
}
await browser.close();
await server?.close();
