import { max } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { CategoryId } from '../../data/schemas';
import { fill } from '../shared/format';
import { textRect, textWidth, type Rect } from '../shared/geometry';
import { flowLegend } from '../shared/labels';
import { r1, type Box } from '../shared/marks';
import type { Size } from '../types';
import { seriesById, type MilestoneMarker, type OverdoseData } from './data';
import type { SceneSpec } from './scenes';

/** A milestone's label in the rows above the plot; row 0 is the one nearest the plot. */
export interface MilestoneSlot {
  readonly milestone: MilestoneMarker;
  readonly x: number;
  readonly text: string;
  readonly row: number;
  /** The label ends at its rule, or (near the left edge) starts there. */
  readonly anchor: 'start' | 'end';
}

/** A milestone label ends just right of its rule, unless that runs it off the left edge: then it starts just left of it. */
export const milestoneAnchor = (x: number, text: string, font: number): 'start' | 'end' =>
  x + 3 - textWidth(text, font) < 0 ? 'start' : 'end';
export const milestoneTextX = (x: number, anchor: 'start' | 'end'): number => (anchor === 'end' ? x + 3 : x - 3);

export interface Layout {
  readonly size: Size;
  readonly plot: Box;
  /** Label size in user units (see Size.font). */
  readonly font: number;
  /** Height of one row of labels above the plot. */
  readonly row: number;
  /**
   * How series are named: at line ends in the right margin (wide frames); beside their lines inside
   * the plot (narrower ones, where the names fit); else in legend rows above the plot.
   */
  readonly labels: 'margin' | 'inline' | 'legend';
  readonly xTickStep: number;
  readonly yTicks: number;
  /** Baseline of the top row: the axis title and the provisional key. */
  readonly titleBaseline: number;
  /** Legend rows (legend layouts only): each entry's series and x, and the row's baseline. */
  readonly legend: readonly { readonly baseline: number; readonly entries: readonly { id: CategoryId; x: number }[] }[];
  readonly milestones: readonly (MilestoneSlot & { readonly baseline: number })[];
}

export interface Scales {
  /** x of a year's point: the middle of the year. */
  readonly px: (year: number) => number;
  /** x of a date given as a fractional year. */
  readonly pxAt: (at: number) => number;
  readonly y: ScaleLinear<number, number>;
}

/** Space between the label rows and the plot. */
const GAP = 8;

/**
 * Milestones go in rows above the plot, where no line runs: the fewest rows in which no two labels in a
 * row overlap and no rule (running down from its label to the plot) crosses a label in a row below it.
 * A label ends at its rule, or starts there where it must. A handful of milestones, so every arrangement
 * is tried: fewest rows first, then labels ending at their rules, earlier milestones nearer the plot.
 */
export function milestoneRows(
  milestones: readonly { x: number; text: string }[],
  font: number,
  width: number,
): { row: number; anchor: 'start' | 'end' }[] {
  const n = milestones.length;
  const options = milestones.map((m) =>
    (['end', 'start'] as const)
      .map((anchor) => ({ anchor, rect: textRect(milestoneTextX(m.x, anchor), 0, textWidth(m.text, font), font, anchor) }))
      .filter((o) => o.rect.x0 >= 0 && o.rect.x1 <= width),
  );
  const fits = (picks: readonly { row: number; o: { rect: Rect } }[]) =>
    picks.every((a, i) =>
      picks.every((b, j) => {
        if (i === j) return true;
        const [ra, rb] = [a.o.rect, b.o.rect];
        if (a.row === b.row && ra.x0 < rb.x1 + 4 && rb.x0 < ra.x1 + 4) return false;
        return !(b.row > a.row && milestones[j]!.x >= ra.x0 - 2 && milestones[j]!.x <= ra.x1 + 2);
      }),
    );
  if (n <= 5 && options.every((o) => o.length > 0)) {
    for (let count = 1; count <= n; count++) {
      const choices = options.map((opts) => Array.from({ length: count }, (_, row) => opts.map((o) => ({ row, o }))).flat());
      const total = choices.reduce((p, c) => p * c.length, 1);
      // Each milestone tries lower rows first and, within a row, ending at its rule first.
      for (let k = 0; k < total; k++) {
        let rest = k;
        const picks = choices.map((c) => {
          const pick = c[rest % c.length]!;
          rest = Math.floor(rest / c.length);
          return pick;
        });
        if (fits(picks)) return picks.map((p) => ({ row: p.row, anchor: p.o.anchor }));
      }
    }
  }
  // Beyond a handful (or a label wider than the chart): one row each, nearest the plot first.
  return milestones.map((m, i) => ({ row: i, anchor: milestoneAnchor(m.x, m.text, font) }));
}

/** The years the x axis spans in a scene. */
export const yearsOf = (data: OverdoseData, spec: SceneSpec): readonly [number, number] => spec.years ?? [data.firstYear, data.lastYear];

/**
 * Where everything goes in one scene at one size. `legend`: name the series in rows above the plot
 * (narrow frames fall back to it when the names do not fit beside their lines).
 */
export function layoutFor(data: OverdoseData, spec: SceneSpec, size: Size, legend: boolean): Layout {
  const { font } = size;
  const row = Math.round((font * 1.3 + 2) * 10) / 10;
  const labels = size.name === 'wide' ? 'margin' : legend ? 'legend' : 'inline';
  const longestLabel = Math.max(...data.series.map((s) => textWidth(s.shortLabel, font)));
  const left = Math.ceil(textWidth('100K', font) + 10);
  const right = labels === 'margin' ? Math.ceil(longestLabel + 14) : 12;
  const bottom = Math.ceil(font * 1.3 + 6);
  const width = size.width - left - right;
  const x = xScale(yearsOf(data, spec), left, width);
  const [first, last] = yearsOf(data, spec);
  const span = last - first;

  const legendRows =
    labels === 'legend'
      ? flowLegend(
          spec.series.map((id) => seriesById(data, id).shortLabel),
          size.width - 2,
          font,
        ).map((entries) => entries.map((e) => ({ id: spec.series[e.index]!, x: e.x })))
      : [];
  const shown = spec.milestones ? data.milestones : [];
  const slots = shown.map((m) => ({
    milestone: m,
    x: r1(x(m.at)),
    text: labels === 'margin' ? fill(data.strings.milestone, { label: m.label, date: m.dateLabel }) : m.dateLabel,
  }));
  const placed = milestoneRows(slots, font, size.width);
  const milestoneRowCount = placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.row)) + 1;
  const top = Math.ceil((1 + legendRows.length + milestoneRowCount) * row + GAP);
  const plot = { x: left, y: top, width, height: size.height - top - bottom };
  const baselineOfRow = (fromTop: number) => r1(fromTop * row + 0.95 * font);

  return {
    size,
    plot,
    font,
    row,
    labels,
    xTickStep: size.name === 'compact' ? (span >= 15 ? 10 : 5) : span >= 15 ? 5 : 2,
    yTicks: size.name === 'wide' ? 5 : 4,
    titleBaseline: baselineOfRow(0),
    legend: legendRows.map((entries, i) => ({ baseline: baselineOfRow(1 + i), entries })),
    milestones: slots.map((s, i) => ({
      ...s,
      ...placed[i]!,
      baseline: baselineOfRow(1 + legendRows.length + milestoneRowCount - 1 - placed[i]!.row),
    })),
  };
}

function xScale([first, last]: readonly [number, number], left: number, width: number): ScaleLinear<number, number> {
  return scaleLinear()
    .domain([first, last + 1])
    .range([left, left + width]);
}

export function scalesFor(data: OverdoseData, spec: SceneSpec, layout: Layout): Scales {
  const { plot } = layout;
  const x = xScale(yearsOf(data, spec), plot.x, plot.width);
  // Headroom above the highest line when a scene calls out points, so their figures fit above the peak.
  const headroom = spec.callouts.length > 0 ? 1.06 : 1;
  const top = (max(spec.fit.flatMap((id) => seriesById(data, id).points.map((p) => p.value))) ?? 1) * headroom;
  const y = scaleLinear()
    .domain([0, top])
    .range([plot.y + plot.height, plot.y])
    .nice(layout.yTicks);
  return { px: (year) => r1(x(year + 0.5)), pxAt: (at) => r1(x(at)), y };
}
