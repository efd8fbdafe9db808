// Debian's Chromium and the flags every browser run here uses (npm tools cannot download browsers on
// this machine). The Playwright config, the Lighthouse gate, the site check, the benchmark and the
// screenshot helper all launch it from here. CHROMIUM_PATH overrides the path.
import { existsSync } from 'node:fs';

/** @type {string | undefined} */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Quiet, reproducible runs: no sandbox (root in a container), no GPU, no background traffic to other hosts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
