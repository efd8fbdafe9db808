/**
 * CBP's fentanyl seizures per fiscal year, as a small bar chart in a corner of the map: all of CBP (never
 * the ports-only series), whole fiscal years only (the partial year is named under the bars, not drawn).
 * Labels: the first and last fiscal years under their bars, the peak's figure over its bar.
 */
import { fill, formatCount } from '../shared/format';
import { textWidth, type Rect } from '../shared/geometry';
import { LINE_HEIGHT } from '../shared/geometry';
import type { Mark } from '../shared/marks';
import type { Size } from '../types';
import { wholeYears, type PipelineData } from './data';

export interface Inset {
  readonly marks: readonly Mark[];
  /** The panel: other labels keep out of it. */
  readonly rect: Rect;
}

const PAD = 6;
const MARGIN = 6;

/** The first wording whose widest line fits `width`, else the last. */
function pick(wordings: readonly string[], width: number, font: number): string {
  return wordings.find((w) => Math.max(...w.split('\n').map((l) => textWidth(l, font))) <= width) ?? wordings.at(-1)!;
}

export function insetMarks(data: PipelineData, size: Size, corner: 'bottom-left' | 'top-right' | 'bottom-right'): Inset {
  const { font } = size;
  const { inset } = data.strings;
  const years = wholeYears(data);
  const width = Math.round(size.name === 'compact' ? size.width * 0.46 : size.name === 'medium' ? size.width * 0.4 : size.width * 0.32);
  const inner = width - 2 * PAD;
  const title = pick(inset.title, inner, font).split('\n');
  // On a phone the partial year is left to the step's words and the figure's note: the inset stays small.
  const partialYears = data.seizures.filter((s) => s.partial).map((s) => s.fiscalYear);
  const partial =
    size.name !== 'compact' && partialYears.length > 0
      ? pick(
          inset.partial.map((w) => fill(w, { year: partialYears.join(', ') })),
          inner,
          font,
        ).split('\n')
      : [];
  const line = LINE_HEIGHT * font;
  const barsHeight = Math.round(font * (size.name === 'compact' ? 2.6 : 3.4));
  // Top to bottom, from the panel's top edge: title lines, the peak's figure, the bars, the years, the note.
  const titleBase = PAD + 0.8 * font;
  const barsTop = titleBase + (title.length - 1) * line + 1.55 * font + 2;
  const barsBase = barsTop + barsHeight;
  const yearBase = barsBase + 4 + 0.8 * font;
  const lastBase = yearBase + partial.length * line;
  const height = Math.ceil(lastBase + 0.26 * font + PAD);
  const x0 = corner === 'bottom-left' ? MARGIN : size.width - MARGIN - width;
  const y0 = corner === 'top-right' ? MARGIN : size.height - MARGIN - height;
  const rect: Rect = { x0, y0, x1: x0 + width, y1: y0 + height };
  const marks: Mark[] = [
    {
      key: 'inset:panel',
      tag: 'path',
      cls: 'map-inset',
      attrs: { d: `M${x0},${y0}L${x0 + width},${y0}L${x0 + width},${y0 + height}L${x0},${y0 + height}Z` },
    },
  ];
  title.forEach((text, i) => {
    marks.push({
      key: `inset:title${i ? `:${i + 1}` : ''}`,
      tag: 'text',
      cls: 'map-inset__title',
      text,
      attrs: { x: x0 + PAD, y: Math.round(y0 + titleBase + i * line) },
    });
  });
  const peak = years.reduce((a, s) => (s.pounds > a.pounds ? s : a), years[0]!);
  const base = Math.round(y0 + barsBase);
  const band = inner / years.length;
  const barW = Math.round(band * 0.7);
  years.forEach((s, i) => {
    const h = Math.max(1, Math.round((s.pounds / peak.pounds) * barsHeight));
    const x = Math.round(x0 + PAD + i * band + (band - barW) / 2);
    marks.push({
      key: `inset:bar:${s.fiscalYear}`,
      tag: 'rect',
      cls: `map-inset__bar${s === peak ? ' is-peak' : ''}`,
      attrs: { x, y: base - h, width: barW, height: h },
    });
    if (s !== peak) return;
    const value = fill(inset.value, { value: formatCount(s.pounds, data.locale) });
    const cx = Math.round(x + barW / 2);
    const end = cx + textWidth(value, font) / 2 > x0 + width - PAD;
    marks.push({
      key: 'inset:peak',
      tag: 'text',
      cls: 'map-inset__value',
      text: value,
      attrs: { x: end ? x0 + width - PAD : cx, y: Math.round(base - h - 0.3 * font - 2), 'text-anchor': end ? 'end' : 'middle' },
    });
  });
  marks.push({
    key: 'inset:baseline',
    tag: 'line',
    cls: 'map-inset__axis',
    attrs: { x1: x0 + PAD, x2: x0 + width - PAD, y1: base, y2: base },
  });
  const yearY = Math.round(y0 + yearBase);
  const [first, last] = [years[0]!, years.at(-1)!];
  marks.push(
    {
      key: 'inset:year:first',
      tag: 'text',
      cls: 'map-inset__year',
      text: fill(inset.year, { year: first.year }),
      attrs: { x: x0 + PAD, y: yearY },
    },
    {
      key: 'inset:year:last',
      tag: 'text',
      cls: 'map-inset__year',
      text: fill(inset.year, { year: last.year }),
      attrs: { x: x0 + width - PAD, y: yearY, 'text-anchor': 'end' },
    },
  );
  partial.forEach((text, i) => {
    marks.push({
      key: `inset:partial${i ? `:${i + 1}` : ''}`,
      tag: 'text',
      cls: 'map-inset__note',
      text,
      attrs: { x: x0 + PAD, y: Math.round(yearY + (i + 1) * line) },
    });
  });
  return { marks, rect };
}
