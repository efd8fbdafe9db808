// Firefox (Debian's firefox-esr), driven by puppeteer-core over WebDriver BiDi. No geckodriver: there
// is no Debian package, and npm's downloads a binary (no internet here). FIREFOX_PATH overrides the path.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

export const name = 'firefox';

/** Phone and desktop viewports (CSS px). */
export const viewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

export async function launch() {
  const executablePath = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Closed network: nothing in the background (puppeteer's own prefs already quiet most of it).
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const version = (await browser.version()).replace(/^firefox\//i, '');

  return {
    name,
    version: `Firefox ${version}`,
    /** One tab per viewport, reused for every page and check at that width. */
    async open({ width, height }) {
      const tab = await browser.newPage();
      await tab.setViewport({ width, height, deviceScaleFactor: 1 });
      const actual = await tab.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
      const wrap = (handle) => ({
        click: () => handle.click(),
      });
      return {
        name,
        viewport: actual,
        goto: (url) => tab.goto(url, { waitUntil: 'load', timeout: 30_000 }).then(() => undefined),
        run: (source, args) => tab.evaluate(`(${source})(...${JSON.stringify(args)})`),
        async element(source, args) {
          const handle = await tab.evaluateHandle(`(${source})(...${JSON.stringify(args)})`);
          const el = handle.asElement();
          if (!el) throw new Error('element not found');
          return wrap(el);
        },
        press: (key) => tab.keyboard.press(key),
        async screenshot(path) {
          await writeFile(path, await tab.screenshot({ type: 'png' }));
        },
        close: () => tab.close(),
      };
    },
    close: () => browser.close(),
  };
}
