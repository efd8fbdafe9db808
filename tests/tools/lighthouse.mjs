// Lighthouse gate (`npm run test:lighthouse`, part of `npm test`): every built page, Lighthouse's mobile
// defaults (simulated slow 4G, 4× CPU), driving Debian Chromium. Median of RUNS runs per page:
// accessibility, best practices and SEO must be 100, performance at least 95, cumulative layout shift 0
// in every run. Writes test-results/lighthouse.json and prints a table for the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import { median } from 'd3-array';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { listPages, serve } from './static-server.mjs';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const DIST = process.env.DIST ?? 'dist';
const GATES = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const CATEGORIES = Object.keys(GATES);

const server = await serve(DIST);
const results = [];
const failures = [];
let chrome;
try {
  for (const page of listPages(DIST)) {
    const url = server.url + page;
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh browser per run: no warm caches or leftover state between runs.
      chrome = await chromeLauncher.launch({
        chromePath: chromiumPath,
        chromeFlags: ['--headless=new', '--disable-dev-shm-usage', ...chromiumArgs],
      });
      // Embed pages ask search engines not to index them (their canonical is the story): the crawlability audit
      // would count that against them, so it is left out for embeds (every other SEO audit still runs).
      const skipAudits = page.split('/').includes('embed') ? ['is-crawlable'] : [];
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        skipAudits,
      });
      chrome.kill();
      chrome = undefined;
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message} for ${url}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const metric = (id) => lhr.audits[id]?.numericValue ?? NaN;
      const failed = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
        lhr.categories[c].auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${c}: ${ref.id} — ${lhr.audits[ref.id].title}`),
      );
      runs.push({
        scores,
        cls: metric('cumulative-layout-shift'),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        si: metric('speed-index'),
        failed,
      });
    }
    const summary = {
      page: `/${page}`,
      runs: runs.length,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
      performanceRuns: runs.map((r) => r.scores.performance),
      clsMax: Math.max(...runs.map((r) => r.cls)),
      fcpMs: Math.round(median(runs.map((r) => r.fcp))),
      lcpMs: Math.round(median(runs.map((r) => r.lcp))),
      tbtMs: Math.round(median(runs.map((r) => r.tbt))),
      speedIndexMs: Math.round(median(runs.map((r) => r.si))),
    };
    results.push(summary);
    for (const [c, min] of Object.entries(GATES)) {
      if (summary[c] < min) failures.push(`${summary.page}: ${c} ${summary[c]} (median of ${RUNS}) < ${min}`);
    }
    if (summary.clsMax !== 0) failures.push(`${summary.page}: cumulative layout shift ${summary.clsMax} in some run (must be 0)`);
    for (const f of new Set(runs.flatMap((r) => r.failed))) failures.push(`${summary.page}: ${f}`);
  }
} finally {
  if (chrome) chrome.kill();
  await server.close();
}

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/lighthouse.json', JSON.stringify(results, null, 2));
console.log(`Lighthouse ${RUNS}× per page, mobile defaults (simulated slow 4G, 4× CPU), median:`);
console.table(
  results.map((r) => ({
    page: r.page,
    perf: `${r.performance} (${r.performanceRuns.join('/')})`,
    a11y: r.accessibility,
    'best practices': r['best-practices'],
    seo: r.seo,
    CLS: r.clsMax,
    'FCP ms': r.fcpMs,
    'LCP ms': r.lcpMs,
    'TBT ms': r.tbtMs,
  })),
);
if (failures.length) {
  console.error(`\nLighthouse gate failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('Lighthouse gate passed.');
