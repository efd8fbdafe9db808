import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Colour tokens, light and dark, read from the one file where colours live. */
function palettes(): { light: Record<string, string>; dark: Record<string, string> } {
  const css = readFileSync('src/styles/tokens.css', 'utf8');
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (block: string) =>
    Object.fromEntries([...block.matchAll(/--ox-([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
  const light = read(css.slice(0, darkStart));
  return { light, dark: { ...light, ...read(css.slice(darkStart)) } };
}

/** WCAG 2.2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = [
  'text',
  'muted',
  'accent',
  'c-total',
  'c-rx',
  'c-heroin',
  'c-synthetic',
  'c-cocaine',
  'c-stimulants',
  // The pipeline map's flows: their names are written in their colours.
  ...['chemicals', 'fentanyl', 'money', 'direct'].map((k) => `map-${k}`),
];
const MARKS = [
  'focus',
  'axis',
  'c-milestone',
  // The diplomacy timeline's kinds of event.
  ...['agreement', 'scheduling', 'meeting', 'summit', 'suspension', 'enforcement', 'sanction', 'tariff', 'other'].map((k) => `k-${k}`),
];

describe('colour tokens meet WCAG 2.2 AA in both schemes', () => {
  it('computes contrast like WCAG (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const scheme of ['light', 'dark'] as const) {
    const p = palettes()[scheme];
    it.each(TEXT)(`${scheme}: --ox-%s is text-safe (4.5:1) on the page and on cards`, (name) => {
      expect(p[name], `--ox-${name} defined`).toBeDefined();
      for (const bg of ['bg', 'surface']) expect(contrast(p[name]!, p[bg]!), `--ox-${name} on --ox-${bg}`).toBeGreaterThanOrEqual(4.5);
    });
    it.each(MARKS)(`${scheme}: --ox-%s is visible as a mark (3:1)`, (name) => {
      expect(p[name], `--ox-${name} defined`).toBeDefined();
      for (const bg of ['bg', 'surface']) expect(contrast(p[name]!, p[bg]!), `--ox-${name} on --ox-${bg}`).toBeGreaterThanOrEqual(3);
    });
  }
});
