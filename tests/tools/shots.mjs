import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
const [w, h, ...ids] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({
  viewport: { width: +w, height: +h },
  colorScheme: process.env.SCHEME ?? 'light',
  reducedMotion: process.env.RM ?? 'no-preference',
  javaScriptEnabled: process.env.NOJS ? false : true,
});
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.env.URL ?? 'http://127.0.0.1:4399/');
await page.waitForTimeout(500);
for (const id of ids) {
  if (id === 'top') {
    await page.screenshot({ path: `/tmp/shot-${w}-top.png` });
    continue;
  }
  await page.evaluate((id) => {
    const el = document.getElementById(id);
    const r = el.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + r.top - window.innerHeight * (window.innerWidth >= 896 ? 0.45 : 0.6));
  }, id);
  await page.waitForTimeout(1600);
  const scene = await page.getAttribute('[data-chart]', 'data-scene');
  console.log(id, '→', scene);
  await page.screenshot({ path: `/tmp/shot-${w}-${id}${process.env.SCHEME ? '-' + process.env.SCHEME : ''}.png` });
}
await browser.close();
