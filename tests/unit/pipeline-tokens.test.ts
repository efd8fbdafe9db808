import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The map's colours, light and dark: each flow (and the dots, in the same colours) stands out 3:1 from the
 * sea and from both kinds of land it crosses; the land stays distinct from the sea; labels, set on a halo
 * of the page's background, are covered by tokens.test.ts.
 */
function palettes(): Record<'light' | 'dark', Record<string, string>> {
  const css = readFileSync('src/styles/tokens.css', 'utf8');
  const at = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (block: string) =>
    Object.fromEntries([...block.matchAll(/--ox-([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
  const light = read(css.slice(0, at));
  return { light, dark: { ...light, ...read(css.slice(at)) } };
}

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('the pipeline map’s colours', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const p = palettes()[scheme];
    for (const flow of ['map-chemicals', 'map-fentanyl', 'map-money', 'map-direct', 'text']) {
      it(`${scheme}: --ox-${flow} shows 3:1 on the sea, the land and the emphasised land`, () => {
        for (const ground of ['map-water', 'map-land', 'map-focus']) {
          expect(p[flow], `--ox-${flow}`).toBeDefined();
          expect(contrast(p[flow]!, p[ground]!), `--ox-${flow} on --ox-${ground}`).toBeGreaterThanOrEqual(3);
        }
      });
    }
    it(`${scheme}: land and sea, and plain and emphasised land, can be told apart`, () => {
      expect(contrast(p['map-land']!, p['map-water']!)).toBeGreaterThanOrEqual(1.1);
      expect(contrast(p['map-focus']!, p['map-land']!)).toBeGreaterThanOrEqual(1.1);
      expect(contrast(p['map-border']!, p['map-land']!)).toBeGreaterThanOrEqual(2);
    });
  }
});
