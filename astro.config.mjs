// @ts-check
import { defineConfig } from 'astro/config';
import asciiHtmlPages from './src/integrations/ascii-html.ts';
import subsetFonts from './src/integrations/subset-fonts.ts';

// Static output only. `base` lets a newsroom host the build under a sub-path (BASE_PATH=/graphics/fentanyl/).
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  output: 'static',
  // Subsets the self-hosted fonts to the site's characters and weights before Vite runs (src/fonts/generated/);
  // writes the built pages in ASCII (character references), which Chromium decodes several times faster.
  integrations: [subsetFonts(), asciiHtmlPages()],
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'never' },
  // Scripts by hash, no inline styles: the charts colour themselves through classes and tokens. Everything
  // else from this origin only (the meta tag cannot carry frame-ancestors: embeds must stay frameable anyway).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
