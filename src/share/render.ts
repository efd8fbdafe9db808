/**
 * Share images rendered at build: a card (card.ts) around a chart's own build-time SVG, the site's CSS
 * cascaded into it (cascade.ts), drawn to PNG by resvg with the site's fonts (fonts.ts). No browser.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import chartsCss from '../styles/charts.css?raw';
import diplomacyCss from '../styles/diplomacy.css?raw';
import shareCss from '../styles/share.css?raw';
import tokensCss from '../styles/tokens.css?raw';
import { cardSvg, type CardInput, type Measure } from './card';
import { flattenCss, inlineStyles, type FlatRule } from './cascade';
import { SANS, shareFontFamily, shareFonts } from './fonts';

/** The width the chart's CSS is decided for: the wide layout's narrowest, where its text is largest. */
export const SHARE_FIGURE_WIDTH = 640;

let rules: FlatRule[] | undefined;
const siteRules = (): FlatRule[] => (rules ??= flattenCss([tokensCss, chartsCss, diplomacyCss, shareCss], SHARE_FIGURE_WIDTH));

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function options(): Promise<ResvgRenderOptions> {
  return { font: { loadSystemFonts: false, fontFiles: await shareFonts(), defaultFontFamily: SANS }, shapeRendering: 2, textRendering: 1 };
}

/** The card's text styles as the cascade gives them (family, weight), for measuring lines. */
function cardTextStyles(): Record<'title' | 'text' | 'credit', string> {
  const kinds = ['title', 'text', 'credit'] as const;
  const svg = inlineStyles(
    `<svg xmlns="http://www.w3.org/2000/svg">${kinds.map((k) => `<text class="card-${k}">x</text>`).join('')}</svg>`,
    siteRules(),
    shareFontFamily,
  );
  const styles = Object.fromEntries(kinds.map((k) => [k, new RegExp(`class="card-${k}" style="([^"]*)"`).exec(svg)?.[1] ?? '']));
  return styles as Record<'title' | 'text' | 'credit', string>;
}

/** The card's SVG with the site's CSS cascaded in: what the renderer draws. */
export async function shareSvg(input: CardInput): Promise<string> {
  const opts = await options();
  const styles = cardTextStyles();
  const cache = new Map<string, number>();
  const measure: Measure = (text, kind, size) => {
    const key = `${kind}|${size}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="100" style="${styles[kind]}" font-size="${size}">${esc(text)}</text></svg>`;
      w = new Resvg(svg, opts).getBBox()?.width ?? 0;
      cache.set(key, w);
    }
    return w;
  };
  return inlineStyles(cardSvg(input, measure), siteRules(), shareFontFamily);
}

/** The card drawn: 1200 × 630 RGBA pixels and their PNG. */
export async function renderShare(input: CardInput): Promise<{ png: Buffer; pixels: Buffer; width: number; height: number }> {
  const image = new Resvg(await shareSvg(input), await options()).render();
  return { png: image.asPng(), pixels: image.pixels, width: image.width, height: image.height };
}

/** A 1200 × 630 PNG of the card. */
export async function shareImage(input: CardInput): Promise<Buffer> {
  return (await renderShare(input)).png;
}
