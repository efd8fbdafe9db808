import { max } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { CategoryId } from '../../data/schemas';
import { xTickMarks, yAxisMarks } from '../shared/axes';
import { fill, formatCount } from '../shared/format';
import { anchorWithin, dodge, extent, stackUp, textWidth } from '../shared/labels';
import { r1, type Box, type Frame, type Mark, type ReadoutColumn } from '../shared/marks';
import type { Size } from '../types';
import { peakOf, seriesById, type OverdoseData, type Series, type SeriesPoint } from './data';
import { SCENES, type Callout, type OverdoseScene, type SceneSpec } from './scenes';

interface Layout {
  readonly plot: Box;
  readonly font: number;
  /** Wide frames label line ends in the right margin; compact ones use a legend inside the plot. */
  readonly labels: 'margin' | 'legend';
  readonly xTickStep: number;
  readonly yTicks: number;
}

function layoutFor(size: Size): Layout {
  const compact = size.name === 'compact';
  const m = compact ? { top: 30, right: 14, bottom: 24, left: 34 } : { top: 36, right: 150, bottom: 28, left: 48 };
  return {
    plot: { x: m.left, y: m.top, width: size.width - m.left - m.right, height: size.height - m.top - m.bottom },
    font: compact ? 11 : 12,
    labels: compact ? 'legend' : 'margin',
    xTickStep: compact ? 10 : 5,
    yTicks: compact ? 4 : 5,
  };
}

interface Scales {
  /** x of a year's point: the middle of the year. */
  readonly px: (year: number) => number;
  /** x of a date given as a fractional year. */
  readonly pxAt: (at: number) => number;
  readonly y: ScaleLinear<number, number>;
}

function scalesFor(data: OverdoseData, spec: SceneSpec, layout: Layout): Scales {
  const { plot } = layout;
  const x = scaleLinear()
    .domain([data.firstYear, data.lastYear + 1])
    .range([plot.x, plot.x + plot.width]);
  const top = max(spec.fit.flatMap((id) => seriesById(data, id).points.map((p) => p.value))) ?? 1;
  const y = scaleLinear()
    .domain([0, top])
    .range([plot.y + plot.height, plot.y])
    .nice(layout.yTicks);
  return { px: (year) => r1(x(year + 0.5)), pxAt: (at) => r1(x(at)), y };
}

const seriesClass = (id: CategoryId): string => `series series--${id.replace(/_/g, '-')}`;

/** Lines, provisional segments and lone points of one series. */
function seriesMarks(s: Series, sc: Scales, muted: boolean): Mark[] {
  const fade = muted ? { opacity: 0.3 } : {};
  const cls = seriesClass(s.id);
  const finals = new Map(s.points.filter((p) => !p.provisional).map((p) => [p.year, p]));
  const years = s.points.map((p) => p.year);
  const span: (SeriesPoint | undefined)[] = [];
  for (let yr = Math.min(...years); yr <= Math.max(...years); yr++) span.push(finals.get(yr));
  const path = line<SeriesPoint | undefined>()
    .defined((p) => p !== undefined)
    .x((p) => sc.px(p!.year))
    .y((p) => sc.y(p!.value))
    .digits(1);
  const marks: Mark[] = [
    {
      key: `line:${s.id}`,
      tag: 'path',
      cls: `${cls} series-line`,
      group: s.id,
      clip: true,
      enter: 'draw',
      attrs: { d: path(span) ?? '', ...fade },
    },
  ];
  const provisional = s.points.filter((p) => p.provisional);
  if (provisional.length > 0) {
    const segments = provisional.map((p) => {
      const before = s.points.find((q) => q.year === p.year - 1);
      return before ? `M${sc.px(before.year)},${r1(sc.y(before.value))}L${sc.px(p.year)},${r1(sc.y(p.value))}` : '';
    });
    marks.push({
      key: `prov:${s.id}`,
      tag: 'path',
      cls: `${cls} series-line series-line--provisional`,
      group: s.id,
      clip: true,
      attrs: { d: segments.join(''), ...fade },
    });
  }
  for (const p of s.points) {
    const lone = !p.provisional && !finals.has(p.year - 1) && !finals.has(p.year + 1);
    if (!lone && !p.provisional) continue;
    marks.push({
      key: `${p.provisional ? 'pdot' : 'dot'}:${s.id}:${p.year}`,
      tag: 'circle',
      cls: `${cls} series-dot${p.provisional ? ' series-dot--provisional' : ''}`,
      group: s.id,
      clip: true,
      attrs: { cx: sc.px(p.year), cy: r1(sc.y(p.value)), r: 3, ...fade },
    });
  }
  return marks;
}

function lastPoint(s: Series): SeriesPoint | undefined {
  return s.points.at(-1);
}

/** Names of the drawn series: line-end labels in the margin (wide) or a legend in the plot's top left (compact). */
function seriesLabels(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout): Mark[] {
  const { plot, font } = layout;
  const drawn = spec.series.map((id) => seriesById(data, id));
  const muted = (id: CategoryId) => spec.highlight.length > 0 && !(spec.highlight as readonly CategoryId[]).includes(id);
  if (layout.labels === 'legend') {
    return drawn.flatMap((s, i) => {
      const y = plot.y + 10 + i * (font + 4);
      const fade = muted(s.id) ? { opacity: 0.45 } : {};
      return [
        {
          key: `key-swatch:${s.id}`,
          tag: 'line',
          cls: `${seriesClass(s.id)} legend-swatch`,
          group: s.id,
          attrs: { x1: plot.x + 6, x2: plot.x + 20, y1: y - 4, y2: y - 4, ...fade },
        },
        {
          key: `label:${s.id}`,
          tag: 'text',
          cls: `${seriesClass(s.id)} series-label halo`,
          group: s.id,
          text: s.shortLabel,
          attrs: { x: plot.x + 25, y, ...fade },
        },
      ] satisfies Mark[];
    });
  }
  const wanted = drawn.map((s) => {
    const p = lastPoint(s);
    return p ? Math.max(Math.min(sc.y(p.value), plot.y + plot.height), plot.y) + 4 : plot.y;
  });
  const ys = dodge(wanted, font + 3, plot.y + 4, plot.y + plot.height);
  return drawn.map((s, i) => ({
    key: `label:${s.id}`,
    tag: 'text',
    cls: `${seriesClass(s.id)} series-label`,
    group: s.id,
    text: s.shortLabel,
    attrs: { x: plot.x + plot.width + 8, y: r1(ys[i]!), ...(muted(s.id) ? { opacity: 0.45 } : {}) },
  }));
}

function pointFor(s: Series, at: Callout['at']): SeriesPoint | undefined {
  if (at === 'peak') return peakOf(s);
  if (at === 'last') return lastPoint(s);
  const year = at === 'wave-start' ? s.waveStart : at;
  return s.points.find((p) => p.year === year);
}

function calloutMarks(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout): Mark[] {
  const { strings, locale } = data;
  return spec.callouts.flatMap((c) => {
    const s = seriesById(data, c.series);
    const p = pointFor(s, c.at);
    if (!p) return [];
    const template = p.provisional ? strings.calloutProvisional : c.at === 'peak' ? strings.calloutPeak : strings.callout;
    const text = fill(template, { value: formatCount(p.value, locale), year: p.year });
    const [x, y] = [sc.px(p.year), r1(sc.y(p.value))];
    const tx = c.side === 'left' ? x - 8 : c.side === 'right' ? x + 8 : x;
    const ty = c.side === 'above' ? y - 12 : y + 4;
    const anchor =
      c.side === 'left'
        ? 'end'
        : c.side === 'right'
          ? 'start'
          : anchorWithin(x, textWidth(text, layout.font), layout.plot.x, layout.plot.x + layout.plot.width);
    const key = `callout:${c.series}:${c.at}`;
    return [
      {
        key: `${key}:dot`,
        tag: 'circle',
        cls: `${seriesClass(s.id)} callout-dot${p.provisional ? ' series-dot--provisional' : ''}`,
        attrs: { cx: x, cy: y, r: 4.5 },
      },
      { key: `${key}:text`, tag: 'text', cls: 'callout halo', text, attrs: { x: tx, y: ty, 'text-anchor': anchor } },
    ] satisfies Mark[];
  });
}

function waveMarks(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout): Mark[] {
  const { plot, font } = layout;
  const right = plot.x + plot.width;
  const waves = spec.waves.flatMap((n) => {
    const s = data.series.find((x) => x.wave === n);
    const p = s && pointFor(s, 'wave-start');
    if (!s || !p) return [];
    const text =
      layout.labels === 'legend'
        ? fill(data.strings.wave, { wave: n, year: p.year })
        : fill(data.strings.waveLong, { wave: n, year: p.year, label: s.shortLabel });
    const [x, y] = [sc.px(p.year), r1(sc.y(p.value))];
    const width = textWidth(text, font);
    const anchor = anchorWithin(x, width, plot.x, right);
    return [{ n, s, text, x, y, anchor, extent: extent(x, width, anchor), ty: Math.max(y - 26, plot.y + font) }];
  });
  // Waves that start close together (2010, 2013) would print on top of each other: lift the later one.
  const ys = stackUp(
    waves.map((w) => ({ x: w.extent, y: w.ty })),
    font + 4,
  );
  return waves.flatMap((w, i) => {
    const ty = ys[i] ?? w.ty;
    return [
      { key: `wave:${w.n}:rule`, tag: 'line', cls: 'wave-rule', attrs: { x1: w.x, x2: w.x, y1: ty + 4, y2: w.y - 5 } },
      { key: `wave:${w.n}:dot`, tag: 'circle', cls: `${seriesClass(w.s.id)} callout-dot`, attrs: { cx: w.x, cy: w.y, r: 4 } },
      { key: `wave:${w.n}:text`, tag: 'text', cls: 'wave-label halo', text: w.text, attrs: { x: w.x, y: ty, 'text-anchor': w.anchor } },
    ] satisfies Mark[];
  });
}

function milestoneMarks(data: OverdoseData, sc: Scales, layout: Layout): Mark[] {
  const { plot, font } = layout;
  return data.milestones.flatMap((m, i) => {
    const x = sc.pxAt(m.at);
    const y = plot.y + font + i * (font + 5);
    // Phones get the date alone: the step's text names each milestone.
    const text = layout.labels === 'legend' ? m.dateLabel : fill(data.strings.milestone, { label: m.label, date: m.dateLabel });
    return [
      { key: `milestone:${m.id}:rule`, tag: 'line', cls: 'milestone-rule', attrs: { x1: x, x2: x, y1: y + 4, y2: plot.y + plot.height } },
      { key: `milestone:${m.id}:text`, tag: 'text', cls: 'milestone-label halo', text, attrs: { x: x + 3, y, 'text-anchor': 'end' } },
    ] satisfies Mark[];
  });
}

function provisionalKey(data: OverdoseData, spec: SceneSpec, layout: Layout): Mark[] {
  const shows = spec.series.some((id) => seriesById(data, id).points.some((p) => p.provisional));
  if (!shows) return [];
  const { plot } = layout;
  const right = plot.x + plot.width;
  const y = plot.y - 12;
  const text = data.strings.provisionalKey;
  const x2 = right - textWidth(text, layout.font) - 6;
  return [
    { key: 'prov-key:swatch', tag: 'line', cls: 'series-line--provisional prov-key', attrs: { x1: x2 - 18, x2, y1: y - 4, y2: y - 4 } },
    { key: 'prov-key:text', tag: 'text', cls: 'axis-title', text, attrs: { x: right, y, 'text-anchor': 'end' } },
  ];
}

function readout(data: OverdoseData, spec: SceneSpec, sc: Scales): ReadoutColumn[] {
  const drawn = spec.series.map((id) => seriesById(data, id));
  const columns: ReadoutColumn[] = [];
  for (let year = data.firstYear; year <= data.lastYear; year++) {
    columns.push({
      key: String(year),
      x: sc.px(year),
      label: String(year),
      values: drawn.map((s) => {
        const p = s.points.find((q) => q.year === year);
        if (!p) return { group: s.id, label: s.shortLabel, valueLabel: data.strings.noFigure };
        const value = formatCount(p.value, data.locale);
        return {
          group: s.id,
          label: s.shortLabel,
          valueLabel: p.provisional ? fill(data.strings.valueProvisional, { value }) : value,
          y: r1(sc.y(p.value)),
        };
      }),
    });
  }
  return columns;
}

/** The overdoses chart in one scene at one size: pure, DOM-free, serialisable. */
export function frame(data: OverdoseData, scene: OverdoseScene, size: Size): Frame {
  const spec: SceneSpec = SCENES[scene];
  const layout = layoutFor(size);
  const sc = scalesFor(data, spec, layout);
  const { plot } = layout;
  const highlighted = (id: CategoryId) => spec.highlight.length === 0 || (spec.highlight as readonly CategoryId[]).includes(id);
  // Muted series first, so highlighted ones draw on top.
  const order = [...spec.series].sort((a, b) => Number(highlighted(a)) - Number(highlighted(b)));
  const marks: Mark[] = [
    ...yAxisMarks(sc.y, plot, layout.yTicks, data.locale, data.strings.yAxis),
    ...xTickMarks(plot, data.firstYear, data.lastYear, layout.xTickStep, sc.px),
    ...(spec.milestones ? milestoneMarks(data, sc, layout) : []),
    ...order.flatMap((id) => seriesMarks(seriesById(data, id), sc, !highlighted(id))),
    ...waveMarks(data, spec, sc, layout),
    ...calloutMarks(data, spec, sc, layout),
    ...seriesLabels(data, spec, sc, layout),
    ...provisionalKey(data, spec, layout),
  ];
  return {
    width: size.width,
    height: size.height,
    plot,
    marks,
    ...(spec.explore ? { readout: readout(data, spec, sc) } : {}),
  };
}
