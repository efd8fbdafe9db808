/**
 * Smoothness benchmark: scrolls every story page of the built site top to bottom on a throttled
 * phone-sized Chromium and reports main-thread script time during the scroll, long animation
 * frames, requestAnimationFrame frame deltas and the JavaScript the page loaded.
 *
 *   node tests/tools/bench.mjs [--runs N] [--cpu N] [--json PATH] [--url URL] …   (--help for all)
 *
 * A benchmark, not a gate: it exits 0 whatever the numbers, and 1 only when a page fails to load,
 * a JavaScript error (pageerror) happens, or the scroll cannot reach the bottom.
 * Script time and long animation frames are the numbers to watch on these shared 2-core machines;
 * frame deltas are noisy there and are reported alongside.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { median } from 'd3-array';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { listPages, serve } from './static-server.mjs';

const USAGE = `Usage: node tests/tools/bench.mjs [options]

  --dist DIR      built site to serve and to discover pages in (default: dist)
  --url URL       benchmark an already running server at URL instead of serving --dist
  --base PATH     base path the site was built with (BASE_PATH), when serving --dist (default: /)
  --runs N        runs per page; with N > 1 the median of each metric is reported (default: 1)
  --cpu N         CPU throttling rate through CDP, 1 = none (default: 4)
  --step PX       wheel step in px (default: 100)
  --delay MS      time between wheel steps in ms (default: 50)
  --idle MS       idle time after the load event before scrolling (default: 1000)
  --settle MS     wait after reaching the bottom, inside the measured window (default: 1000)
  --json PATH     also write the raw results (every run, and the medians) as JSON
  --headed        show the browser
  -h, --help      this text

Chromium: $CHROMIUM_PATH, else /usr/bin/chromium.`;

const VIEWPORT = { width: 360, height: 740 };
const FRAME_OK_MS = 17; // a 60 Hz frame is 16.7 ms; 17 allows for timer jitter
const LOAF_MS = 50;
const STUCK_STEPS = 60; // wheel steps without any scroll progress before giving up

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dist: { type: 'string', default: 'dist' },
        url: { type: 'string' },
        base: { type: 'string', default: '/' },
        runs: { type: 'string', default: '1' },
        cpu: { type: 'string', default: '4' },
        step: { type: 'string', default: '100' },
        delay: { type: 'string', default: '50' },
        idle: { type: 'string', default: '1000' },
        settle: { type: 'string', default: '1000' },
        json: { type: 'string' },
        headed: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`bench: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (name, min, integer = false) => {
    const v = Number(values[name]);
    if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
      console.error(`bench: --${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min} (got ${values[name]})`);
      process.exit(2);
    }
    return v;
  };
  let base = values.base;
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  if (values.url !== undefined) {
    try {
      new URL(values.url);
    } catch {
      console.error(`bench: --url is not a URL: ${values.url}`);
      process.exit(2);
    }
  }
  return {
    dist: resolve(values.dist),
    url: values.url,
    base,
    runs: num('runs', 1, true),
    cpu: num('cpu', 1),
    step: num('step', 1),
    delay: num('delay', 0),
    idle: num('idle', 0),
    settle: num('settle', 0),
    json: values.json,
    headed: values.headed,
  };
}

// ---------------------------------------------------------------------------------------------
// Pages and static server

/** A path for messages: relative to the working directory when it is inside it. */
function shown(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Every page under dist, story pages first; pages under embed/ only get their JavaScript weighed. */
function discoverPages(dist) {
  return listPages(dist)
    .filter((path) => path === '' || path.endsWith('/'))
    .map((path) => ({ path, kind: path.split('/').includes('embed') ? 'embed' : 'story' }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'story' ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (installed before any page script runs)

function instrument() {
  const bench = { loaf: [], loafSupported: false, deltas: [], sampling: false, t0: 0, t1: 0 };
  Object.defineProperty(window, '__bench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.loaf.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          // Where the time went: rendering (style and layout) versus each script's share.
          renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          styleLayoutMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: (e.scripts ?? []).map((s) => ({
            invoker: s.invoker,
            ms: Math.round(s.duration),
            forcedLayoutMs: Math.round(s.forcedStyleAndLayoutDuration ?? 0),
            source: `${s.sourceURL?.split('/').pop() ?? ''}:${s.sourceCharPosition ?? ''}`,
          })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
    bench.loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  } catch {
    bench.loafSupported = false;
  }
  let last = 0;
  const tick = (t) => {
    if (!bench.sampling) return;
    if (last) bench.deltas.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  // The flags: the harness calls start() when the scroll begins and stop() after the settle time.
  bench.start = () => {
    bench.deltas.length = 0;
    last = 0;
    bench.t0 = performance.now();
    bench.sampling = true;
    requestAnimationFrame(tick);
  };
  bench.stop = () => {
    bench.sampling = false;
    bench.t1 = performance.now();
  };
}

// ---------------------------------------------------------------------------------------------
// One measurement

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const state = { browser: undefined, server: undefined };

async function closeBrowser() {
  const { browser } = state;
  state.browser = undefined;
  if (browser) await browser.close().catch(() => {});
}

async function closeAll() {
  await closeBrowser();
  const { server } = state;
  state.server = undefined;
  if (server) await server.close();
}

/**
 * Opens `url` in a fresh browser; when `scroll` is set, measures a full scroll of the page.
 * Returns { metrics, errors, warnings }; errors are page errors and failed loads.
 */
async function measure(url, opts, { scroll }) {
  const errors = [];
  const warnings = [];
  const origin = new URL(url).origin;
  state.browser = await chromium.launch({
    headless: !opts.headed,
    args: chromiumArgs,
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  });
  const browserVersion = state.browser.version();
  const context = await state.browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: 'light',
    reducedMotion: 'no-preference',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    errors.push(`pageerror: ${e.message}`);
    console.error(`bench: ✗ pageerror on ${url}: ${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') warnings.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) warnings.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`);
  });

  // Same-origin JavaScript: raw bytes, and gzip -9 of each body (counted once per URL).
  const scripts = new Map();
  const bodies = [];
  page.on('response', (response) => {
    const u = new URL(response.url());
    if (u.origin !== origin) return;
    if (response.status() >= 400) {
      warnings.push(`HTTP ${response.status()}: ${response.url()}`);
      return;
    }
    const isJs = /\.m?js$/i.test(u.pathname) || /javascript/i.test(response.headers()['content-type'] ?? '');
    if (!isJs || scripts.has(u.href) || response.status() !== 200) return;
    scripts.set(u.href, undefined);
    bodies.push(
      response.body().then(
        (body) => scripts.set(u.href, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        (e) => warnings.push(`could not read ${u.href}: ${e.message}`),
      ),
    );
  });

  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpu });
  await cdp.send('Performance.enable');

  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  } catch (e) {
    errors.push(`load failed: ${e.message.split('\n')[0]}`);
  }
  if (response && !response.ok()) errors.push(`load failed: HTTP ${response.status()} for ${url}`);
  if (errors.some((e) => e.startsWith('load failed'))) {
    await closeBrowser();
    return { metrics: undefined, errors, warnings, browserVersion };
  }
  await page.evaluate(() => document.fonts?.ready.then(() => {}));
  await page.waitForTimeout(opts.idle);

  let metrics = {};
  if (scroll) metrics = await scrollAndMeasure(page, cdp, opts, errors);

  await Promise.all(bodies);
  const js = [...scripts.values()].filter(Boolean);
  metrics.jsFiles = js.length;
  metrics.jsGzipBytes = js.reduce((s, f) => s + f.gzip, 0);
  metrics.jsRawBytes = js.reduce((s, f) => s + f.raw, 0);

  await context.close();
  await closeBrowser();
  return { metrics, errors, warnings, browserVersion };
}

async function scrollAndMeasure(page, cdp, opts, errors) {
  const readMetrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
  const position = () =>
    page.evaluate(() => {
      const el = document.scrollingElement ?? document.documentElement;
      return { y: window.scrollY, bottom: Math.max(0, el.scrollHeight - window.innerHeight) };
    });

  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  const before = await readMetrics();
  await page.evaluate(() => window.__bench.start());
  const started = performance.now();

  let pos = await position();
  let steps = 0;
  let lastY = pos.y;
  let stuck = 0;
  while (pos.y < pos.bottom - 1) {
    await page.mouse.wheel(0, opts.step);
    steps++;
    // Keep a fixed cadence: step k is sent at k × delay after the start, whatever the wheel call cost.
    await sleep(Math.max(0, started + steps * opts.delay - performance.now()));
    pos = await position();
    stuck = pos.y > lastY ? 0 : stuck + 1;
    lastY = pos.y;
    if (stuck >= STUCK_STEPS) {
      errors.push(`scroll stuck at ${Math.round(pos.y)} of ${Math.round(pos.bottom)} px after ${steps} wheel steps`);
      break;
    }
  }
  const scrolled = performance.now();
  await page.waitForTimeout(opts.settle);
  const windowMs = performance.now() - started;
  await page.evaluate(() => window.__bench.stop());
  const after = await readMetrics();

  const bench = await page.evaluate(() => {
    const b = window.__bench;
    return { loafSupported: b.loafSupported, deltas: b.deltas, loaf: b.loaf.filter((e) => e.start >= b.t0 && e.start <= b.t1) };
  });
  const deltas = [...bench.deltas].sort((a, b) => a - b);
  const loaf = bench.loaf.filter((e) => e.duration > LOAF_MS);
  return {
    scrollS: (scrolled - started) / 1000,
    windowS: windowMs / 1000,
    scrollPx: Math.round(pos.y),
    wheelSteps: steps,
    scriptMs: (after.script - before.script) * 1000,
    scriptShare: ((after.script - before.script) * 1000) / windowMs,
    taskMs: (after.task - before.task) * 1000,
    loafCount: bench.loafSupported ? loaf.length : NaN,
    loafMaxMs: bench.loafSupported ? Math.max(0, ...loaf.map((e) => e.duration)) : NaN,
    loafBlockingMs: bench.loafSupported ? loaf.reduce((s, e) => s + (e.blocking ?? 0), 0) : NaN,
    longFrames: loaf,
    frames: deltas.length,
    framesOkShare: deltas.length ? deltas.filter((d) => d <= FRAME_OK_MS).length / deltas.length : NaN,
    frameP50Ms: percentile(deltas, 50),
    frameP95Ms: percentile(deltas, 95),
    frameMaxMs: deltas.length ? deltas[deltas.length - 1] : NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function medians(runs) {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((k) => runs.every((r) => typeof r[k] === 'number'));
  return Object.fromEntries(keys.map((k) => [k, median(runs, (r) => r[k]) ?? NaN]));
}

const fixed = (d) => (v) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const pct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : 'n/a');
const kb = (v) => (Number.isFinite(v) ? `${(v / 1024).toFixed(1)} KB` : 'n/a');

const ROWS = [
  ['scroll duration (s)', 'scrollS', fixed(2)],
  ['measured window (s, scroll + settle)', 'windowS', fixed(2)],
  ['main-thread script time (ms)', 'scriptMs', fixed(0)],
  ['script time share of window', 'scriptShare', pct],
  ['main-thread task time (ms)', 'taskMs', fixed(0)],
  [`long animation frames (> ${LOAF_MS} ms)`, 'loafCount', fixed(0)],
  ['longest animation frame (ms)', 'loafMaxMs', fixed(0)],
  ['LoAF blocking time, total (ms)', 'loafBlockingMs', fixed(0)],
  ['rAF frames sampled', 'frames', fixed(0)],
  [`frames ≤ 16.7 ms (counted ≤ ${FRAME_OK_MS} ms)`, 'framesOkShare', pct],
  ['frame delta p50 (ms)', 'frameP50Ms', fixed(1)],
  ['frame delta p95 (ms)', 'frameP95Ms', fixed(1)],
  ['frame delta max (ms)', 'frameMaxMs', fixed(1)],
  ['JS loaded, gzip -9', 'jsGzipBytes', kb],
  ['JS loaded, raw', 'jsRawBytes', kb],
  ['JS files (same origin)', 'jsFiles', fixed(0)],
];

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

function report(results, opts, siteUrl, browserVersion) {
  const stories = results.filter((r) => r.kind === 'story' && r.median);
  const embeds = results.filter((r) => r.kind === 'embed' && r.median);
  const out = [];
  out.push(`Smoothness benchmark: ${siteUrl}${opts.url ? '' : ` (serving ${shown(opts.dist)})`}`);
  out.push(
    `Chromium ${browserVersion ?? '?'} · ${VIEWPORT.width}×${VIEWPORT.height} @2x mobile, touch · light · CPU throttle ${opts.cpu}× · ` +
      `wheel ${opts.step} px every ${opts.delay} ms · idle ${opts.idle} ms · settle ${opts.settle} ms · ` +
      `${opts.runs} run${opts.runs > 1 ? 's per page, medians' : ' per page'}`,
  );
  out.push('');
  if (stories.length) {
    out.push(
      table(
        ['metric', ...stories.map((r) => `/${r.path}`)],
        ROWS.map(([label, key, f]) => [label, ...stories.map((r) => f(r.median[key]))]),
      ),
    );
    out.push('');
    out.push(`Script and task time: CDP Performance.getMetrics deltas over the measured window (throttled main thread).`);
    out.push(`Frame deltas: requestAnimationFrame timestamps during the window; a delta ≤ ${FRAME_OK_MS} ms counts as a 60 Hz frame`);
    out.push(`(16.7 ms plus timer jitter). Frame counts are noisy on shared machines; script time and LoAF are steadier.`);
    out.push(`KB = 1024 bytes; gzip sizes are gzip -9 of each same-origin .js response body.`);
  }
  if (embeds.length) {
    out.push('');
    out.push('Embed pages (JavaScript only):');
    out.push(
      table(
        ['page', 'JS gzip -9', 'JS raw', 'files'],
        embeds.map((r) => [`/${r.path}`, kb(r.median.jsGzipBytes), kb(r.median.jsRawBytes), fixed(0)(r.median.jsFiles)]),
      ),
    );
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseOptions();
  const distIndex = join(opts.dist, 'index.html');
  let pages;
  let siteUrl;
  if (opts.url) {
    siteUrl = opts.url.endsWith('/') ? opts.url : `${opts.url}/`;
    pages = existsSync(distIndex) ? discoverPages(opts.dist) : [{ path: '', kind: 'story' }];
  } else {
    if (!existsSync(distIndex)) {
      console.error(`bench: ${shown(distIndex)} is missing: run \`npm run build\` first.`);
      return 1;
    }
    pages = discoverPages(opts.dist);
    state.server = await serve(opts.dist, { base: opts.base });
    siteUrl = state.server.url;
  }

  const results = [];
  const failures = [];
  let browserVersion;
  for (const { path, kind } of pages) {
    const url = new URL(path, siteUrl).href;
    const runs = kind === 'story' ? opts.runs : 1;
    const entry = { path, kind, url, runs: [], errors: [], warnings: [] };
    results.push(entry);
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`bench: /${path} (${kind}) run ${i + 1}/${runs} …\n`);
      const r = await measure(url, opts, { scroll: kind === 'story' });
      browserVersion = r.browserVersion;
      entry.errors.push(...r.errors.map((e) => `run ${i + 1}: ${e}`));
      entry.warnings.push(...r.warnings.map((w) => `run ${i + 1}: ${w}`));
      if (!r.metrics) break;
      entry.runs.push(r.metrics);
    }
    entry.median = entry.runs.length ? medians(entry.runs) : undefined;
    for (const e of entry.errors) failures.push(`/${path}: ${e}`);
  }

  console.log(report(results, opts, siteUrl, browserVersion));
  const warnings = results.flatMap((r) => [...new Set(r.warnings)].map((w) => `/${r.path}: ${w}`));
  if (warnings.length) console.log(`\nWarnings:\n${warnings.map((w) => `  ${w}`).join('\n')}`);

  if (opts.json) {
    const raw = {
      date: new Date().toISOString(),
      url: siteUrl,
      chromium: browserVersion,
      options: {
        runs: opts.runs,
        cpuThrottle: opts.cpu,
        wheelStepPx: opts.step,
        wheelDelayMs: opts.delay,
        idleMs: opts.idle,
        settleMs: opts.settle,
        viewport: VIEWPORT,
        deviceScaleFactor: 2,
        frameOkMs: FRAME_OK_MS,
        longAnimationFrameMs: LOAF_MS,
      },
      pages: results,
    };
    writeFileSync(opts.json, `${JSON.stringify(raw, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
    console.log(`\nRaw results written to ${opts.json}`);
  }

  if (failures.length) {
    console.error(
      `\nbench: FAILED, ${failures.length} error${failures.length > 1 ? 's' : ''}:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`,
    );
    return 1;
  }
  return 0;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\nbench: ${signal}, closing the browser and server`);
    closeAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

let code = 1;
try {
  code = await main();
} catch (e) {
  if (!interrupted) console.error(`bench: ${e?.stack ?? e}`);
  code = 1;
} finally {
  await closeAll();
}
process.exitCode = code;
