import { describe, expect, it } from 'vitest';
import { frame } from '../../src/charts/overdoses/frame';
import { renderFrame } from '../../src/charts/shared/marks';
import { SIZES } from '../../src/charts/types';
import { CARD, cardSvg, wrap } from '../../src/share/card';
import { containerMatches, flattenCss, inlineStyles, resolveVars } from '../../src/share/cascade';
import { renderShare } from '../../src/share/render';
import { realOverdoseData } from './fixtures';

const mapFont = (f: string) => (f.includes('Serif') ? 'Source Serif 4' : 'Inter');

describe('the site’s CSS, cascaded into an SVG for a static renderer', () => {
  it('decides container queries for one width', () => {
    expect(containerMatches('figure (width < 440px)', 300)).toBe(true);
    expect(containerMatches('figure (width < 440px)', 440)).toBe(false);
    expect(containerMatches('figure (440px <= width < 640px)', 440)).toBe(true);
    expect(containerMatches('figure (440px <= width < 640px)', 640)).toBe(false);
    expect(containerMatches('figure (width >= 640px)', 640)).toBe(true);
    expect(containerMatches('figure (orientation: portrait)', 640)).toBe(false);
  });

  it('resolves custom properties, nested and with fallbacks', () => {
    const vars = new Map([
      ['--a', '#111'],
      ['--b', 'var(--a)'],
    ]);
    expect(resolveVars('var(--b)', vars)).toBe('#111');
    expect(resolveVars('var(--missing, var(--a))', vars)).toBe('#111');
    expect(resolveVars('0 0 0 1px var(--a)', vars)).toBe('0 0 0 1px #111');
    expect(resolveVars('var(--missing)', vars)).toBe('');
  });

  it('cascades by specificity and order, inherits custom properties, drops layout and media rules', () => {
    const css = `
      @layer x { :root { --c: red; --series: blue; } }
      .s-a { --series: green; }
      .line { stroke: var(--series); fill: none; width: 10px; }
      g .line.bold { stroke-width: 2rem; }
      .line { stroke-width: 1px; }
      @media (prefers-color-scheme: dark) { :root { --c: black; } }
      @container figure (width < 440px) { .label { display: none; } }
      @container figure (width >= 640px) { .label { font-size: 12px; font-family: var(--font, 'Inter Variable', sans-serif); } }
      .label:hover { fill: var(--c); }
      .label { fill: var(--c); }
    `;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><g class="s-a"><path class="line bold"/></g><path class="line"/><text class="label">x</text></svg>`;
    const out = inlineStyles(svg, flattenCss([css], 700), mapFont);
    expect(out).toContain('<path class="line bold" style="stroke:green;fill:none;stroke-width:32px"');
    expect(out).toContain('<path class="line" style="stroke:blue;fill:none;stroke-width:1px"');
    expect(out).toContain('<text class="label" style="font-size:12px;font-family:Inter;fill:red"');
    expect(inlineStyles(svg, flattenCss([css], 300), mapFont)).toContain('style="display:none;fill:red"');
  });
});

describe('share images', () => {
  it('wraps at word boundaries and ends an overflow with an ellipsis', () => {
    const fits = (n: number) => (line: string) => line.length <= n;
    expect(wrap('one two three four five', 2, fits(10))).toEqual(['one two', 'three…']);
    expect(wrap('one two three', 3, fits(9))).toEqual(['one two', 'three']);
    expect(wrap('', 3, fits(9))).toEqual([]);
  });

  it('lays out the card inside 1200 × 630 with the chart’s own markup', () => {
    const data = realOverdoseData();
    const wide = SIZES.find((s) => s.name === 'wide')!;
    const f = frame(data, 'decline', wide);
    const svg = cardSvg(
      {
        site: 'Site',
        title: 'A title',
        description: 'Words '.repeat(80),
        credit: 'Sources: CDC',
        chart: { markup: renderFrame(f, 'og'), width: f.width, height: f.height },
      },
      (text, _kind, size) => text.length * size * 0.55,
    );
    expect(svg).toContain(`viewBox="0 0 ${CARD.width} ${CARD.height}"`);
    expect(svg).toContain(renderFrame(f, 'og'));
    for (const m of svg.matchAll(/<text class="card-[a-z]+" x="([\d.]+)" y="([\d.]+)"/g)) {
      expect(Number(m[2])).toBeLessThan(CARD.height);
      expect(Number(m[1])).toBeLessThan(CARD.width);
    }
  });

  it('renders the real chart to a 1200 × 630 PNG under 150 KB, its colours from the site’s tokens', async () => {
    const data = realOverdoseData();
    const wide = SIZES.find((s) => s.name === 'wide')!;
    const f = frame(data, 'decline', wide);
    const { png, pixels } = await renderShare({
      site: 'Fentanyl’s long road',
      title: 'Drug-overdose deaths in the United States, per year',
      description: 'Total deaths fell from 107,941 in 2022 to 79,384 in 2024.',
      credit: 'Sources: CDC / NCHS',
      chart: { markup: renderFrame(f, 'og'), width: f.width, height: f.height },
    });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(png.length).toBeLessThan(150 * 1024);
    // The chart's series are drawn in their token colours (the synthetic-opioid line, --ox-c-synthetic: #b8321f),
    // on the page's background (--ox-bg: #fbfaf7), not in the renderer's default black.
    const count = (r: number, g: number, b: number) => {
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (Math.abs(pixels[i]! - r) + Math.abs(pixels[i + 1]! - g) + Math.abs(pixels[i + 2]! - b) < 12) n++;
      return n;
    };
    expect(count(0xb8, 0x32, 0x1f)).toBeGreaterThan(500);
    expect(count(0xfb, 0xfa, 0xf7)).toBeGreaterThan(100_000);
  }, 30_000);
});
