/**
 * A share image (Open Graph, social cards): 1200 × 630, the site's name, a title, the chart as the page
 * draws it at build (its wide layout, one scene), a description and the sources' credit. Pure: words are
 * measured by the caller's `measure` (the renderer's own text layout), so lines wrap where they will render.
 */
export const CARD = { width: 1200, height: 630, margin: 56 } as const;

export interface CardChart {
  /** The chart's inner SVG markup (shared defs included), as the page's `<svg class="chart chart--wide">` holds it. */
  readonly markup: string;
  readonly width: number;
  readonly height: number;
}

export interface CardInput {
  readonly site: string;
  readonly title: string;
  readonly description: string;
  readonly credit: string;
  readonly chart: CardChart;
}

/** Width in px of `text` set in the card's `kind` of type at `size` px. */
export type Measure = (text: string, kind: 'title' | 'text' | 'credit', size: number) => number;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Greedy line breaking at spaces into at most `maxLines` lines of `width`; what does not fit ends the last
 * line with an ellipsis at a word boundary. A word longer than a line stays whole (it overflows rather than break).
 */
export function wrap(text: string, maxLines: number, fits: (line: string) => boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = line ? `${line} ${word}` : word;
    if (!line || fits(candidate)) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return lines;
  }
  // Out of lines with words left: the last line gives up words until it fits with an ellipsis.
  let last = lines[maxLines - 1] ?? '';
  while (last.includes(' ') && !fits(`${last}…`)) last = last.slice(0, last.lastIndexOf(' '));
  lines[maxLines - 1] = `${last.replace(/[\s,;:.–—-]+$/, '')}…`;
  return lines;
}

interface Block {
  readonly lines: readonly string[];
  readonly size: number;
  readonly leading: number;
}

const textBlock = (cls: string, block: Block, x: number, top: number): string =>
  block.lines
    .map(
      (l, i) =>
        `<text class="${cls}" x="${x}" y="${(top + block.size * 0.8 + i * block.leading).toFixed(1)}" font-size="${block.size}">${esc(l)}</text>`,
    )
    .join('');

/** The card's SVG, with the page's classes: the caller cascades the site's CSS into it before rendering. */
export function cardSvg(input: CardInput, measure: Measure): string {
  const { width: W, height: H, margin: M } = CARD;
  const inner = W - 2 * M;
  const fits = (kind: 'title' | 'text' | 'credit', size: number, w: number) => (line: string) => measure(line, kind, size) <= w;

  const site = { lines: [input.site.toUpperCase()], size: 22, leading: 26 };
  // The title: as large as fits on two lines.
  let title: Block = { lines: [], size: 52, leading: 60 };
  for (const size of [52, 46, 40]) {
    const lines = wrap(input.title, 2, fits('title', size, inner));
    title = { lines, size, leading: Math.round(size * 1.15) };
    if (!lines.at(-1)?.endsWith('…')) break;
  }
  const top = M - 8;
  const titleTop = top + site.leading + 14;
  const bodyTop = titleTop + title.leading * title.lines.length + 22;
  const bodyBottom = H - M + 8;

  // The chart, left, as large as the body allows; the description and credit beside it.
  const chartBoxH = bodyBottom - bodyTop;
  const scale = Math.min((inner * 0.64 - 24) / input.chart.width, (chartBoxH - 24) / input.chart.height);
  const chartW = input.chart.width * scale;
  const chartH = input.chart.height * scale;
  const boxW = chartW + 24;
  const colX = M + boxW + 32;
  const colW = W - M - colX;
  const credit: Block = { lines: wrap(input.credit, 3, fits('credit', 17, colW)), size: 17, leading: 23 };
  const creditTop = bodyBottom - credit.leading * credit.lines.length + 4;
  const textRoom = creditTop - 20 - bodyTop;
  let text: Block = { lines: [], size: 24, leading: 33 };
  for (const size of [24, 22, 20]) {
    const leading = Math.round(size * 1.38);
    const max = Math.max(1, Math.floor(textRoom / leading));
    const lines = wrap(input.description, max, fits('text', size, colW));
    text = { lines, size, leading };
    if (!lines.at(-1)?.endsWith('…')) break;
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect class="card-bg" width="${W}" height="${H}"/>` +
    `<rect class="card-rule" width="${W}" height="8"/>` +
    textBlock('card-site', site, M, top) +
    textBlock('card-title', title, M, titleTop) +
    `<rect class="card-chart-bg" x="${M}" y="${bodyTop}" width="${boxW.toFixed(1)}" height="${(chartH + 24).toFixed(1)}" rx="6"/>` +
    `<svg class="chart chart--wide" x="${M + 12}" y="${bodyTop + 12}" width="${chartW.toFixed(1)}" height="${chartH.toFixed(1)}" viewBox="0 0 ${input.chart.width} ${input.chart.height}">` +
    input.chart.markup +
    `</svg>` +
    textBlock('card-text', text, colX, bodyTop) +
    textBlock('card-credit', credit, colX, creditTop) +
    `</svg>`
  );
}
