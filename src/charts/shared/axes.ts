import type { ScaleLinear } from 'd3-scale';
import { formatCompact } from './format';
import { r1, type Box, type Mark } from './marks';

/** Horizontal gridlines with compact labels, keyed by value so ticks glide when the domain changes. */
export function yAxisMarks(y: ScaleLinear<number, number>, plot: Box, count: number, locale: string, font: number): Mark[] {
  const right = plot.x + plot.width;
  return y.ticks(count).flatMap((v): Mark[] => {
    const py = r1(y(v));
    return [
      { key: `y-grid:${v}`, tag: 'line', cls: v === 0 ? 'axis-baseline' : 'gridline', attrs: { x1: plot.x, x2: right, y1: py, y2: py } },
      {
        key: `y-label:${v}`,
        tag: 'text',
        cls: 'tick-label',
        text: formatCompact(v, locale),
        // Centred on its gridline.
        attrs: { x: plot.x - 6, y: r1(py + 0.34 * font), 'text-anchor': 'end' },
      },
    ];
  });
}

/** Year labels under the plot at every `step` years, plus the last year when it is far enough from the previous one. */
export function xTickMarks(plot: Box, first: number, last: number, step: number, px: (year: number) => number, font: number): Mark[] {
  const years: number[] = [];
  for (let yr = Math.ceil(first / step) * step; yr <= last; yr += step) years.push(yr);
  if (last - (years.at(-1) ?? first) >= step / 2) years.push(last);
  const base = plot.y + plot.height;
  return years.flatMap((yr): Mark[] => [
    { key: `x-tick:${yr}`, tag: 'line', cls: 'tick', attrs: { x1: px(yr), x2: px(yr), y1: base, y2: base + 4 } },
    {
      key: `x-label:${yr}`,
      tag: 'text',
      cls: 'tick-label',
      text: String(yr),
      attrs: { x: px(yr), y: r1(base + 5 + 0.8 * font), 'text-anchor': 'middle' },
    },
  ]);
}
