/**
 * Words on the overdoses chart: series names, wave starts, callouts, milestones and keys. Every label
 * is placed where it touches no line, point or other label (shared/placement.ts); the board it
 * is placed on already holds the drawn lines and points.
 */
import type { CategoryId } from '../../data/schemas';
import { fill, formatCount } from '../shared/format';
import { textWidth, type Anchor, type Rect } from '../shared/geometry';
import { anchorWithin, dodge, SWATCH } from '../shared/labels';
import { r1, type Mark } from '../shared/marks';
import { emptyBoard, labelMarks, place, placeAll, type Board, type Candidate } from '../shared/placement';
import { peakOf, seriesById, type OverdoseData, type Series, type SeriesPoint } from './data';
import { milestoneTextX, yearsOf, type Layout, type Scales } from './layout';
import type { Callout, SceneSpec } from './scenes';
import { seriesClass } from './series';

const plotRect = (l: Layout): Rect => ({ x0: l.plot.x, y0: l.plot.y, x1: l.plot.x + l.plot.width, y1: l.plot.y + l.plot.height });

/**
 * Where a callout's figure may go: the plot, and the free space above it up to the title row (the
 * board holds whatever else is there); on narrow frames also the slim right margin, empty there.
 */
const calloutArea = (l: Layout): Rect => ({
  x0: l.plot.x,
  y0: l.titleBaseline + 0.26 * l.font + 2,
  x1: l.labels === 'margin' ? l.plot.x + l.plot.width : l.size.width - 1,
  y1: l.plot.y + l.plot.height,
});

const isMuted = (spec: SceneSpec, id: CategoryId) => spec.highlight.length > 0 && !(spec.highlight as readonly CategoryId[]).includes(id);

/** The axis title and, when the scene shows a provisional count, the key for its dashes: the top row. */
export function titleRow(data: OverdoseData, spec: SceneSpec, layout: Layout): Mark[] {
  const { font, titleBaseline: y, size } = layout;
  const marks: Mark[] = [{ key: 'y-title', tag: 'text', cls: 'axis-title', text: data.strings.yAxis, attrs: { x: 0, y } }];
  const shows = spec.series.some((id) => seriesById(data, id).points.some((p) => p.provisional));
  if (!shows) return marks;
  const text = data.strings.provisionalKey;
  const right = size.width - 2;
  const x2 = r1(right - textWidth(text, font) - SWATCH.gap * font);
  const sy = r1(y - 0.3 * font);
  return [
    ...marks,
    {
      key: 'prov-key:swatch',
      tag: 'line',
      cls: 'series-line--provisional prov-key',
      attrs: { x1: r1(x2 - SWATCH.length * font), x2, y1: sy, y2: sy },
    },
    { key: 'prov-key:text', tag: 'text', cls: 'axis-title', text, attrs: { x: right, y, 'text-anchor': 'end' } },
  ];
}

/**
 * Series names beside their lines, inside the plot, clear of every line and label: for each series
 * the first free spot above or below one of its points, nearest the left third of the axis first.
 * Undefined when a name finds no room (the frame then uses legend rows instead).
 */
export function inlineLabels(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout, board: Board): Mark[] | undefined {
  const { font } = layout;
  const bounds = plotRect(layout);
  const [first, last] = yearsOf(data, spec);
  const aim = first + (last - first) * 0.35;
  const top = sc.y.domain()[1] ?? 0;
  // Highlighted series are named first, so they get the best places.
  const order = [...spec.series].sort((a, b) => Number(isMuted(spec, a)) - Number(isMuted(spec, b)));
  const marks: Mark[] = [];
  for (const id of order) {
    const s = seriesById(data, id);
    const points = s.points
      .filter((p) => p.year >= first && p.year <= last && p.value <= top)
      .sort((a, b) => Math.abs(a.year - aim) - Math.abs(b.year - aim));
    const candidates: Candidate[] = points.flatMap((p) => {
      const [x, y] = [sc.px(p.year), sc.y(p.value)];
      const w = textWidth(s.shortLabel, font);
      return [-(0.3 * font + 5), 0.8 * font + 5].flatMap((dy) =>
        [anchorWithin(x, w, bounds.x0, bounds.x1), 'start' as const, 'end' as const].map((anchor) => ({
          x,
          y: r1(y + dy),
          anchor,
          text: s.shortLabel,
        })),
      );
    });
    const placed = place(candidates, font, board, bounds);
    if (!placed) return undefined;
    marks.push({
      key: `label:${id}`,
      tag: 'text',
      cls: `${seriesClass(id)} series-label halo`,
      group: id,
      text: s.shortLabel,
      attrs: { x: placed.x, y: placed.y, 'text-anchor': placed.anchor, ...(isMuted(spec, id) ? { opacity: 0.45 } : {}) },
    });
  }
  return marks;
}

/** Series names: legend rows above the plot, or line ends in the right margin (wide). */
export function seriesLabels(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout): Mark[] {
  const { plot, font } = layout;
  const fade = (id: CategoryId) => (isMuted(spec, id) ? { opacity: 0.45 } : {});
  if (layout.labels === 'legend') {
    return layout.legend.flatMap(({ baseline, entries }) =>
      entries.flatMap(({ id, x }) => {
        const s = seriesById(data, id);
        const sy = r1(baseline - 0.3 * font);
        return [
          {
            key: `key-swatch:${id}`,
            tag: 'line',
            cls: `${seriesClass(id)} legend-swatch`,
            group: id,
            attrs: { x1: r1(x + 1.5), x2: r1(x + SWATCH.length * font), y1: sy, y2: sy, ...fade(id) },
          },
          {
            key: `label:${id}`,
            tag: 'text',
            cls: `${seriesClass(id)} series-label`,
            group: id,
            text: s.shortLabel,
            attrs: { x: r1(x + (SWATCH.length + SWATCH.gap) * font), y: baseline, ...fade(id) },
          },
        ] satisfies Mark[];
      }),
    );
  }
  const drawn = spec.series.map((id) => seriesById(data, id));
  const bottom = plot.y + plot.height;
  const wanted = drawn.map((s) => {
    const p = s.points.at(-1);
    return (p ? Math.max(Math.min(sc.y(p.value), bottom), plot.y) : plot.y) + 0.34 * font;
  });
  const ys = dodge(wanted, font * 1.15, plot.y + 0.8 * font, bottom);
  return drawn.map((s, i) => ({
    key: `label:${s.id}`,
    tag: 'text',
    cls: `${seriesClass(s.id)} series-label`,
    group: s.id,
    text: s.shortLabel,
    attrs: { x: plot.x + plot.width + 8, y: r1(ys[i]!), ...fade(s.id) },
  }));
}

function pointFor(s: Series, at: Callout['at']): SeriesPoint | undefined {
  if (at === 'peak') return peakOf(s);
  if (at === 'last') return s.points.at(-1);
  const year = at === 'wave-start' ? s.waveStart : at;
  return s.points.find((p) => p.year === year);
}

/**
 * Positions around a point, nearest first, preferring `side`; then the same further up with a
 * leader line. Each position is tried with each wording, longest first.
 */
function around(x: number, y: number, texts: readonly string[], side: Callout['side'], font: number, bounds: Rect): Candidate[] {
  const d = 0.6 * font + 2;
  const mid = 0.34 * font;
  const near: [number, number, Anchor][] = [
    [-d, mid, 'end'],
    [-d * 0.7, -d, 'end'],
    [-d * 0.7, d + font * 0.7, 'end'],
    [d, mid, 'start'],
    [d * 0.7, -d, 'start'],
    [d * 0.7, d + font * 0.7, 'start'],
  ];
  const above: [number, number, Anchor][] = [
    [0, -d, 'middle'],
    [0, d + 0.8 * font, 'middle'],
  ];
  const order =
    side === 'above' ? [...above, ...near] : side === 'right' ? [...near.slice(3), ...above, ...near.slice(0, 3)] : [...near, ...above];
  const out: Candidate[] = [];
  for (const text of texts) {
    for (const [dx, dy, anchor] of order) {
      const a = anchor === 'middle' ? anchorWithin(x, textWidth(text, font), bounds.x0, bounds.x1) : anchor;
      out.push({ x: r1(x + dx), y: r1(y + dy), anchor: a, text });
    }
  }
  // Further up, with a leader down to the point.
  for (const text of texts) {
    for (let lift = 2; lift <= 7; lift++) {
      const ty = r1(y - d - lift * font * 0.9);
      const a = anchorWithin(x, textWidth(text, font), bounds.x0, bounds.x1);
      out.push({ x, y: ty, anchor: a, text, leader: { x1: x, y1: ty + 0.26 * font + 2, x2: x, y2: y - 5 } });
    }
  }
  return out;
}

/** Callouts on points: a dot and its figure, placed clear of every line and label. */
export function calloutMarks(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout, board: Board): Mark[] {
  const { strings, locale } = data;
  const { font } = layout;
  const bounds = calloutArea(layout);
  const points = spec.callouts.flatMap((c) => {
    const s = seriesById(data, c.series);
    const p = pointFor(s, c.at);
    return p ? [{ c, s, p, x: sc.px(p.year), y: r1(sc.y(p.value)) }] : [];
  });
  // Every callout's dot is on the board before any of their words, so no label covers another's point.
  for (const { x, y } of points) board.rects.push({ x0: x - 4.5, y0: y - 4.5, x1: x + 4.5, y1: y + 4.5 });
  return points.flatMap(({ c, s, p, x, y }) => {
    const value = formatCount(p.value, locale);
    const template = p.provisional ? strings.calloutProvisional : c.at === 'peak' ? strings.calloutPeak : strings.callout;
    // The full wording where it fits; on a narrow chart the figure alone (its year is on the axis, the dot says provisional).
    const texts = [
      ...new Set([
        fill(template, { value, year: p.year }),
        ...(p.provisional ? [fill(strings.valueProvisional, { value }), fill(strings.calloutProvisionalShort, { value })] : []),
        fill(strings.callout, { value, year: p.year }),
        value,
      ]),
    ];
    const key = `callout:${c.series}:${c.at}`;
    const candidates = around(x, y, texts, c.side, font, bounds);
    // No free place: the first one anyway, on the board so later labels avoid it (the collision tests will say).
    const placed =
      place(candidates, font, board, bounds) ?? place(candidates.slice(0, 1), font, emptyBoard(), { x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 });
    if (!placed) return [];
    board.labels.push(placed.rect);
    const marks: Mark[] = [
      {
        key: `${key}:dot`,
        tag: 'circle',
        cls: `${seriesClass(s.id)} callout-dot${p.provisional ? ' series-dot--provisional' : ''}`,
        attrs: { cx: x, cy: y, r: 4.5 },
      },
    ];
    if (placed.leader) {
      const l = placed.leader;
      marks.push({ key: `${key}:rule`, tag: 'line', cls: 'wave-rule', attrs: { x1: l.x1, x2: l.x2, y1: r1(l.y1), y2: r1(l.y2) } });
    }
    marks.push(...labelMarks(`${key}:text`, placed, font, 'callout halo'));
    return marks;
  });
}

/** The start of each wave, marked on its series: a dot, and a label above it on a leader. */
export function waveMarks(data: OverdoseData, spec: SceneSpec, sc: Scales, layout: Layout, board: Board): Mark[] {
  const { plot, font } = layout;
  const bounds = plotRect(layout);
  const waves = spec.waves.flatMap((n) => {
    const s = data.series.find((x) => x.wave === n);
    const p = s && pointFor(s, 'wave-start');
    return s && p ? [{ n, s, p, x: sc.px(p.year), y: r1(sc.y(p.value)) }] : [];
  });
  for (const { x, y } of waves) board.rects.push({ x0: x - 4, y0: y - 4, x1: x + 4, y1: y + 4 });
  // Wide frames name the series in each wave's label where every label then fits; otherwise all take the short form.
  const wordings = (w: (typeof waves)[number]) => [
    ...(layout.labels === 'margin' ? [fill(data.strings.waveLong, { wave: w.n, year: w.p.year, label: w.s.shortLabel })] : []),
    fill(data.strings.wave, { wave: w.n, year: w.p.year }),
  ];
  const candidatesFor = ({ x, y }: (typeof waves)[number], text: string): Candidate[] => {
    const out: Candidate[] = [];
    const w = textWidth(text, font);
    for (let lift = 1.6 * font; y - lift > plot.y + font; lift += font * 0.6) {
      const ty = r1(y - lift);
      for (const anchor of [anchorWithin(x, w, bounds.x0, bounds.x1), 'start', 'end'] as const)
        out.push({ x, y: ty, anchor, text, leader: { x1: x, y1: r1(ty + 0.26 * font + 2), x2: x, y2: y - 5 } });
    }
    return out;
  };
  // The labels can block one another (a leader may cross another wave's words): search for a layout where all fit.
  const forms = Math.max(0, ...waves.map((w) => wordings(w).length));
  let found: Candidate[] | undefined;
  for (let form = 0; form < forms && !found; form++) {
    found = placeAll(
      waves.map((w) => candidatesFor(w, wordings(w)[Math.min(form, wordings(w).length - 1)]!)),
      font,
      board,
      bounds,
    );
  }
  const placedOf = new Map(waves.map((w, i) => [w.n, found?.[i] ?? candidatesFor(w, wordings(w).at(-1)!)[0]]));
  return waves.flatMap((w) => {
    const placed = placedOf.get(w.n);
    if (!placed) return [];
    const leader = placed.leader!;
    return [
      { key: `wave:${w.n}:rule`, tag: 'line', cls: 'wave-rule', attrs: { x1: w.x, x2: w.x, y1: leader.y1, y2: leader.y2 } },
      { key: `wave:${w.n}:dot`, tag: 'circle', cls: `${seriesClass(w.s.id)} callout-dot`, attrs: { cx: w.x, cy: w.y, r: 4 } },
      {
        key: `wave:${w.n}:text`,
        tag: 'text',
        cls: 'wave-label halo',
        text: placed.text,
        attrs: { x: w.x, y: placed.y, 'text-anchor': placed.anchor },
      },
    ] satisfies Mark[];
  });
}

/** Milestones: a dotted rule at the date, labelled in the rows above the plot (see layout.ts). */
export function milestoneMarks(layout: Layout): Mark[] {
  const { plot, font } = layout;
  return layout.milestones.flatMap(({ milestone: m, x, text, baseline, anchor }) => [
    {
      key: `milestone:${m.id}:rule`,
      tag: 'line',
      cls: 'milestone-rule',
      attrs: { x1: x, x2: x, y1: r1(baseline + 0.26 * font + 2), y2: plot.y + plot.height },
    },
    {
      key: `milestone:${m.id}:text`,
      tag: 'text',
      cls: 'milestone-label',
      text,
      attrs: { x: r1(milestoneTextX(x, anchor)), y: baseline, 'text-anchor': anchor },
    },
  ]);
}
