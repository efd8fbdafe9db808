import type { ScaleLinear } from 'd3-scale';
import { formatCompact } from './format';
import { r1, type Box, type Mark } from './marks';

/** Horizontal gridlines with compact labels (keyed by value, so ticks glide when the domain changes), and the axis title. */
export function yAxisMarks(y: ScaleLinear<number, number>, plot: Box, count: number, locale: string, title: string): Mark[] {
  const right = plot.x + plot.width;
  const ticks = y.ticks(count).flatMap((v): Mark[] => {
    const py = r1(y(v));
    return [
      { key: `y-grid:${v}`, tag: 'line', cls: v === 0 ? 'axis-baseline' : 'gridline', attrs: { x1: plot.x, x2: right, y1: py, y2: py } },
      {
        key: `y-label:${v}`,
        tag: 'text',
        cls: 'tick-label',
        text: formatCompact(v, locale),
        attrs: { x: plot.x - 6, y: py + 4, 'text-anchor': 'end' },
      },
    ];
  });
  return [{ key: 'y-title', tag: 'text', cls: 'axis-title', text: title, attrs: { x: 0, y: plot.y - 12 } }, ...ticks];
}

/** Year labels under the plot at every `step` years, plus the last year. */
export function xTickMarks(plot: Box, first: number, last: number, step: number, px: (year: number) => number): Mark[] {
  const years: number[] = [];
  for (let yr = Math.ceil(first / step) * step; yr <= last; yr += step) years.push(yr);
  if (last - (years.at(-1) ?? first) >= step / 2) years.push(last);
  const base = plot.y + plot.height;
  return years.flatMap((yr): Mark[] => [
    { key: `x-tick:${yr}`, tag: 'line', cls: 'tick', attrs: { x1: px(yr), x2: px(yr), y1: base, y2: base + 4 } },
    { key: `x-label:${yr}`, tag: 'text', cls: 'tick-label', text: String(yr), attrs: { x: px(yr), y: base + 17, 'text-anchor': 'middle' } },
  ]);
}
