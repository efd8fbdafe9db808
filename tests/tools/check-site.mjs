// Site crawl (`npm run test:site`, part of `npm test`):
// 1. Crawl the built site (dist/) from its home page with linkinator, as a static host serves it: every
//    internal link, asset, CSS url() and #fragment must resolve. External links are skipped (no internet
//    here, and their health is not ours to gate on).
// 2. Build the site again under a newsroom's sub-path (BASE_PATH=/graphics/fentanyl/, into dist-base/),
//    serve it mounted there and nowhere else, crawl it the same way, then open every page in Chromium and
//    check that nothing fails to load, nothing logs an error and the charts come alive.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { LinkChecker } from 'linkinator';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { listPages, serve } from './static-server.mjs';

const BASE = process.env.TEST_BASE_PATH ?? '/graphics/fentanyl/';
const failures = [];

async function crawl(dir, base) {
  const server = await serve(dir, { base });
  const origin = new URL(server.url).origin;
  try {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: server.url,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      timeout: 10_000,
      linksToSkip: async (link) => !link.startsWith(origin),
    });
    const checked = result.links.filter((l) => l.state !== 'SKIPPED');
    const broken = result.links.filter((l) => l.state === 'BROKEN');
    for (const l of broken) {
      const why = l.failureDetails?.map((d) => d?.message ?? (d?.status ? `HTTP ${d.status}` : String(d))).join('; ');
      failures.push(`${dir} under ${base}: broken ${l.url} (status ${l.status}) on ${l.parent}${why ? ` — ${why}` : ''}`);
    }
    const skipped = result.links.length - checked.length;
    console.log(`${dir} under ${base}: ${checked.length} links and assets checked, ${broken.length} broken, ${skipped} external skipped`);
    return checked;
  } finally {
    await server.close();
  }
}

async function browse(dir, base) {
  const server = await serve(dir, { base });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    for (const path of listPages(dir)) {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      const problems = [];
      page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
      const url = server.url + path;
      await page.goto(url, { waitUntil: 'load' });
      // Every scrolly section must be enhanced by the client script (its module loaded and ran) once the reader
      // reaches it (a section mounts as it comes near the screen: src/scrolly/main.ts); fonts must load.
      const charts = await page.locator('[data-scrolly]').count();
      for (let i = 0; i < charts; i++) {
        await page
          .locator('[data-scrolly]')
          .nth(i)
          .evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
        await page
          .waitForFunction((n) => document.querySelectorAll('[data-scrolly]')[n]?.classList.contains('is-enhanced'), i, { timeout: 10_000 })
          .catch(() => problems.push(`scrolly section ${i + 1} of ${charts} was not enhanced by the client script when scrolled to`));
      }
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family);
      });
      for (const f of fonts) problems.push(`font failed to load: ${f}`);
      for (const p of problems) failures.push(`${url}: ${p}`);
      console.log(`${url}: ${charts} scrolly section(s), ${problems.length} problem(s)`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await crawl('dist', '/');

rmSync('dist-base', { recursive: true, force: true });
execFileSync('node_modules/.bin/astro', ['build', '--outDir', 'dist-base'], {
  env: { ...process.env, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const links = await crawl('dist-base', BASE);
const escaping = links.filter((l) => l.url.startsWith('http://127.0.0.1') && !new URL(l.url).pathname.startsWith(BASE));
for (const l of escaping) failures.push(`dist-base: ${l.url} on ${l.parent} is outside ${BASE}`);
await browse('dist-base', BASE);

if (failures.length) {
  console.error(`\nSite check failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('Site check passed: every internal link, asset and fragment resolves, at / and under ' + BASE);
