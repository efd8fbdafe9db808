// @ts-check
import { defineConfig } from 'astro/config';

// Static output only. `base` lets a newsroom host the build under a sub-path (BASE_PATH=/graphics/fentanyl/).
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  output: 'static',
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'never' },
  // Scripts by hash, no inline styles: the charts colour themselves through classes and tokens.
  security: { csp: true },
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
