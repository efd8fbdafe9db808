/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite setup, so `astro:content` and `astro/zod` resolve in unit tests.
export default getViteConfig({
  test: {
    root: '.',
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    // The stylesheets as written (src/share reads them with ?raw to cascade them into share images).
    css: { include: [/src\/styles\/.*\.css/] },
  },
});
