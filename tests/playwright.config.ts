import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath as executablePath } from './tools/chromium.mjs';
const PORT = Number(process.env['TEST_PORT'] ?? 4399);

export default defineConfig({
  testDir: './browser',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'phone',
      use: {
        ...devices['Pixel 5'],
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    // The built site, as a static host serves it (run `npm run build` first; `npm test` does).
    // dist/ as a CDN serves it (gzip, open to other origins' frames), not Astro's preview server.
    command: `node tests/tools/static-server.mjs ${process.env['DIST_DIR'] ?? 'dist'} ${PORT}`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
