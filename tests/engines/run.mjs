// The cross-engine browser suite: the built story in Firefox (puppeteer-core over WebDriver BiDi) and
// WebKit (selenium-webdriver through WebKitWebDriver, on Xvfb), each at a phone and a desktop width.
// Chromium is covered in depth by tests/browser/ (Playwright); this checks what can differ by engine.
//
//   node tests/engines/run.mjs [firefox] [webkit] [--shots=<step-id>,…] [--shots-dir=/tmp] [--dist=dist] [--verbose]
//
// Needs `npm run build` first. Serves a copy of dist/ with the static server (tests/tools/static-server.mjs),
// each HTML page carrying a test-only <script src="/__engine-recorder.js"> as the first child of <head>.
// One browser per engine, one tab (or window size) per width; every built page, every scrolly section,
// every step. Prints one line per engine and width; exits non-zero on any failure.
import { cpSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listPages, serve } from '../tools/static-server.mjs';
import { checkPage } from './checks.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINES = { firefox: () => import('./firefox.mjs'), webkit: () => import('./webkit.mjs') };
const RECORDER = '__engine-recorder.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    shots: { type: 'string', default: '' },
    'shots-dir': { type: 'string', default: tmpdir() },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    verbose: { type: 'boolean', default: false },
  },
});
const unknown = positionals.filter((p) => !(p in ENGINES));
if (unknown.length > 0) {
  console.error(`unknown engine(s) ${unknown.join(', ')}: use ${Object.keys(ENGINES).join(', ')}`);
  process.exit(2);
}
const engines = positionals.length > 0 ? positionals : Object.keys(ENGINES);
const shots = values.shots.split(',').filter(Boolean);

/** A copy of the build whose pages load the error recorder before anything else. */
function instrumentedCopy(dist) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'engines-dist-'));
  cpSync(dist, dir, { recursive: true });
  copyFileSync(fileURLToPath(new URL('./recorder.js', import.meta.url)), join(dir, RECORDER));
  const pages = listPages(dir);
  for (const page of pages) {
    const file = join(dir, page === '' || page.endsWith('/') ? `${page}index.html` : page);
    const html = readFileSync(file, 'utf8');
    const head = /<head(\s[^>]*)?>/i.exec(html);
    if (!head) throw new Error(`${page || 'index.html'} has no <head>`);
    const at = head.index + head[0].length;
    writeFileSync(file, `${html.slice(0, at)}<script src="/${RECORDER}"></script>${html.slice(at)}`);
  }
  return { dir, pages };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** What a WebDriver client reports once the browser's page process has crashed or hung and the session is gone. */
const SESSION_LOST = /NoSuchSessionError|session deleted|page crash|browsing context has been discarded/i;

const started = Date.now();
let copy;
try {
  copy = instrumentedCopy(values.dist);
} catch (error) {
  console.error(`cross-engine suite: ${error.message}`);
  process.exit(1);
}
const { dir, pages } = copy;
const server = await serve(dir);
const failures = [];
let current;
const stop = async () => {
  current?.kill?.();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));
process.once('SIGTERM', () => void stop().then(() => process.exit(143)));

try {
  for (const engineName of engines) {
    const engine = await ENGINES[engineName]();
    const t0 = Date.now();
    let browser;
    try {
      browser = await engine.launch();
    } catch (error) {
      failures.push(`${engineName}: could not launch: ${error.message}`);
      console.log(`${engineName}: could not launch (${seconds(Date.now() - t0)}): ${error.message}`);
      continue;
    }
    current = browser;
    console.log(`${engineName}: ${browser.version}, launched in ${seconds(Date.now() - t0)}`);
    try {
      for (const viewport of engine.viewports) {
        const t1 = Date.now();
        let page = await browser.open(viewport);
        let steps = 0;
        const checks = new Set();
        const before = failures.length;
        for (const path of pages) {
          const log = values.verbose ? (line) => console.log(`  ${engineName} ${viewport.width}px /${path}: ${line}`) : undefined;
          let result = await checkPage({ page, url: server.url, path, shots, shotsDir: values['shots-dir'], log });
          // The engine's own process died (WebKitGTK's web process, now and then on a loaded 2-core machine): the
          // session is gone, so nothing after it could be checked. A new browser checks the page once more, from
          // the start, as Playwright's CI retry does; a second crash fails like any other failure.
          const lost = result.failures.find((f) => SESSION_LOST.test(f));
          if (lost) {
            console.log(
              `${engineName} ${viewport.width}px /${path}: the browser's session was lost (${lost}); relaunched, checking the page again`,
            );
            await Promise.resolve()
              .then(() => browser.close())
              .catch(() => undefined);
            browser = await engine.launch();
            current = browser;
            page = await browser.open(viewport);
            result = await checkPage({ page, url: server.url, path, shots, shotsDir: values['shots-dir'], log });
          }
          steps += result.steps;
          for (const c of result.checks) checks.add(c.replace(/ \(.*\)$| #.*$/, ''));
          failures.push(...result.failures);
        }
        await page.close();
        const size = `${page.viewport.width}×${page.viewport.height}`;
        const asked = `${viewport.width}×${viewport.height}`;
        const bad = failures.length - before;
        console.log(
          `${engineName} ${size}${size === asked ? '' : ` (asked ${asked})`}: ${pages.length} page(s), ${steps} steps checked` +
            ` (passed: ${[...checks].join(', ')}) in ${seconds(Date.now() - t1)}: ${bad === 0 ? 'ok' : `${bad} FAILED`}`,
        );
        if (size !== asked) failures.push(`${engineName}: viewport is ${size}, asked for ${asked}`);
      }
    } finally {
      await browser.close();
      current = undefined;
    }
    console.log(`${engineName}: done in ${seconds(Date.now() - t0)}`);
  }
} finally {
  await stop();
}

console.log(`cross-engine suite: ${engines.join(' + ')} in ${seconds(Date.now() - started)}, ${failures.length} failure(s)`);
if (failures.length > 0) {
  const counts = new Map();
  for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const [f, n] of counts) console.log(`  ✗ ${n > 1 ? `${n}× ` : ''}${f}`);
  process.exitCode = 1;
}
