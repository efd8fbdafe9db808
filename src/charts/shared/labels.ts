import { textWidth } from './geometry';

/**
 * Moves label positions apart so no two are closer than `gap`, keeping them within [min, max] and
 * as near their wanted positions as it can. Returns positions in the input order.
 */
export function dodge(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => Math.min(Math.max(o.y, min), max));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed.at(-1) ?? min) - max;
  if (overflow > 0) {
    placed[placed.length - 1] = max;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/** Text anchor that keeps a label centred on `x` inside [left, right] where it fits, else flush with the edge. */
export function anchorWithin(x: number, width: number, left: number, right: number): 'start' | 'middle' | 'end' {
  if (x - width / 2 < left) return 'start';
  if (x + width / 2 > right) return 'end';
  return 'middle';
}

/** Legend swatch length and the gap between swatch and words, in ems of the label font. */
export const SWATCH = { length: 1.1, gap: 0.35 } as const;

/**
 * Flows legend entries (swatch and words) into rows no wider than `width`, left to right: the
 * phone-sized charts name their series in rows above the plot, where no line can run through them.
 * Returns, per row, each entry's index and x.
 */
export function flowLegend(texts: readonly string[], width: number, font: number): { index: number; x: number }[][] {
  const rows: { index: number; x: number }[][] = [];
  let x = 0;
  texts.forEach((text, index) => {
    const w = (SWATCH.length + SWATCH.gap) * font + textWidth(text, font);
    if (rows.length === 0 || (x > 0 && x + w > width)) {
      rows.push([]);
      x = 0;
    }
    rows.at(-1)!.push({ index, x });
    x += w + font;
  });
  return rows;
}
