// WebKit (WebKitGTK, the engine of Safari), driven by selenium-webdriver through Debian's WebKitWebDriver
// (webkit2gtk-driver) with MiniBrowser as the browser, on an Xvfb display this module starts itself.
// MiniBrowser's toolbar keeps a GTK window at least ~447 px wide: a GTK theme (webkit-gtk.css, put in a
// temporary XDG_CONFIG_HOME as gtk-3.0/gtk.css) shrinks it so the window can be phone-wide.
// MINIBROWSER_PATH and WEBKIT_WEBDRIVER_PATH override the paths.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webdriver from 'selenium-webdriver';

const { Builder, Key } = webdriver;

export const name = 'webkit';

/** Phone (an iPhone's 390×844) and desktop viewports (CSS px). */
export const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

const KEYS = { Tab: Key.TAB, Home: Key.HOME, End: Key.END, ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, Enter: Key.ENTER };

function findMiniBrowser() {
  if (process.env['MINIBROWSER_PATH']) return process.env['MINIBROWSER_PATH'];
  for (const lib of ['/usr/lib', '/usr/libexec', '/usr/local/lib']) {
    if (!existsSync(lib)) continue;
    const dirs = [lib, ...readdirSync(lib).map((d) => join(lib, d))];
    for (const dir of dirs) {
      for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
        const candidate = join(dir, api, 'MiniBrowser');
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  throw new Error('MiniBrowser not found: apt-get install -y webkit2gtk-driver (or set MINIBROWSER_PATH)');
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Starts Xvfb on a free display (-displayfd: the server picks it and tells us). */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${err}`)), 10_000);
    xvfb.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb: ${e.message} (apt-get install -y xvfb)`));
    });
    xvfb.stderr.on('data', (d) => (err += d));
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ display: `:${out.trim()}`, stop: () => xvfb.kill('SIGTERM') });
      }
    });
  });
}

async function waitForDriver(url, child) {
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not answer /status');
}

export async function launch() {
  const driverPath = process.env['WEBKIT_WEBDRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';
  if (!existsSync(driverPath)) throw new Error(`${driverPath} is missing: apt-get install -y webkit2gtk-driver`);
  const binary = findMiniBrowser();
  const cleanups = [];
  const cleanup = () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        c();
      } catch {
        // already gone
      }
    }
  };
  try {
    const xvfb = await startXvfb();
    cleanups.push(xvfb.stop);
    // A throwaway home for GTK and WebKit: the toolbar-shrinking theme, and no state left behind.
    const home = mkdtempSync(join(tmpdir(), 'engines-webkit-home-'));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }));
    mkdirSync(join(home, 'config', 'gtk-3.0'), { recursive: true });
    copyFileSync(fileURLToPath(new URL('./webkit-gtk.css', import.meta.url)), join(home, 'config', 'gtk-3.0', 'gtk.css'));
    // GTK 4 builds of MiniBrowser (webkitgtk-6.0) read gtk-4.0/gtk.css.
    mkdirSync(join(home, 'config', 'gtk-4.0'), { recursive: true });
    copyFileSync(join(home, 'config', 'gtk-3.0', 'gtk.css'), join(home, 'config', 'gtk-4.0', 'gtk.css'));
    // Keep GTK's animations on: WebKitGTK maps gtk-enable-animations=false to prefers-reduced-motion: reduce,
    // which would turn the chart's tweens into jumps and leave the tween's end state untested.
    writeFileSync(join(home, 'config', 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=true\n');
    const env = {
      ...process.env,
      DISPLAY: xvfb.display,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_RUNTIME_DIR: home,
      GTK_THEME: 'Adwaita',
      NO_AT_BRIDGE: '1',
    };
    const port = await freePort();
    const child = spawn(driverPath, [`--port=${port}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let driverLog = '';
    child.stderr.on('data', (d) => (driverLog = `${driverLog}${d}`.slice(-2000)));
    cleanups.push(() => child.kill('SIGTERM'));
    const server = `http://127.0.0.1:${port}`;
    await waitForDriver(server, child).catch((e) => {
      throw new Error(`${e.message}\n${driverLog}`);
    });
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } })
      .build();
    cleanups.push(() => void driver.quit().catch(() => undefined));
    await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
    const caps = await driver.getCapabilities();
    const version = `WebKitGTK ${caps.get('browserVersion') ?? '?'} (MiniBrowser)`;

    return {
      name,
      version,
      /** One window (the session's), resized per viewport: the GTK window's chrome is measured and added. */
      async open({ width, height }) {
        await driver.get('about:blank');
        const win = driver.manage().window();
        const measure = () =>
          driver.executeScript(
            'return { width: window.innerWidth, height: window.innerHeight, outerWidth: window.outerWidth, outerHeight: window.outerHeight }',
          );
        let actual = { width: 0, height: 0 };
        let outer = { width, height };
        for (let attempt = 0; attempt < 4; attempt++) {
          await win.setRect({ x: 0, y: 0, ...outer });
          // The window manager-less X server applies the size asynchronously: wait until the page sees it.
          const end = Date.now() + 3_000;
          let m = await measure();
          while ((m.outerWidth !== outer.width || m.outerHeight !== outer.height) && Date.now() < end) {
            await new Promise((r) => setTimeout(r, 50));
            m = await measure();
          }
          actual = { width: m.width, height: m.height };
          if (actual.width === width && actual.height === height) break;
          // Add the toolbar (and any frame) that GTK keeps around the web view.
          outer = {
            width: Math.max(width, width + m.outerWidth - m.width),
            height: Math.max(height, height + m.outerHeight - m.height),
          };
        }
        const wrap = (el) => ({
          click: () => el.click(),
        });
        return {
          name,
          viewport: actual,
          goto: (url) => driver.get(url),
          run: (source, args) => driver.executeScript(`return (${source})(...arguments)`, ...args),
          async element(source, args) {
            const el = await driver.executeScript(`return (${source})(...arguments)`, ...args);
            if (!el) throw new Error('element not found');
            return wrap(el);
          },
          press: (key) =>
            driver
              .actions()
              .sendKeys(KEYS[key] ?? key)
              .perform(),
          async screenshot(path) {
            writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
          },
          close: async () => undefined,
        };
      },
      async close() {
        await driver.quit().catch(() => undefined);
        cleanups.pop();
        cleanup();
      },
      kill: cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
