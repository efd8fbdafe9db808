/**
 * The diplomacy timeline's frame: the legend of kinds, the time axis, the deaths panel, the events as dots
 * (the scene's own ones large, ringed and labelled on a rule down to the axis; the others muted), composed
 * from the layout (layout.ts), the label rows (labels.ts) and the deaths panel (deaths.ts).
 */
import { boxRect, clipSegment, markShape, textMarkRect, textWidth } from '../shared/geometry';
import type { Frame, Mark } from '../shared/marks';
import { emptyBoard, type Board } from '../shared/placement';
import type { Size } from '../types';
import type { DiplomacyData } from './data';
import { placeEventLabels } from './labels';
import { layoutFor, legendSwatch, legendText, ri, type Layout } from './layout';
import { deathsLabels, deathsLine } from './deaths';
import { SCENES, type DiplomacyScene, type SceneSpec } from './scenes';
import { axisTicks } from './time';

const kindClass = (kind: string): string => `k-${kind}`;
/** Events outside the scene's emphasis step back (in the explore scene none do). */
const MUTED = 0.4;

function legendMarks(data: DiplomacyData, l: Layout): Mark[] {
  const { font } = l;
  return l.legend.flatMap(({ kind, x, baseline }): Mark[] => [
    {
      key: `lg:${kind}`,
      tag: 'circle',
      cls: `ev ${kindClass(kind)}`,
      attrs: { cx: legendSwatch(x, font), cy: ri(baseline - 0.32 * font), r: ri(Math.min(0.34 * font, 5)) },
    },
    {
      key: `lg:${kind}:t`,
      tag: 'text',
      cls: 'legend-label',
      text: data.strings.kinds[kind],
      attrs: { x: legendText(x, font), y: baseline },
    },
  ]);
}

function axisMarks(data: DiplomacyData, l: Layout): Mark[] {
  const { font, base } = l;
  const ticks = axisTicks(l.x, (t) => textWidth(t, font), data.locale).filter((t) => t.label !== undefined);
  const at = (date: Date) => ri(l.x(date));
  const month = (date: Date) => date.toISOString().slice(0, 7);
  // The tick lines are one path (every mark is repeated in each step's static chart, at three sizes), keyed by
  // the ticks it draws: a new set of ticks fades in rather than bending out of the old one.
  const marks: Mark[] = [
    { key: 'axis', tag: 'line', cls: 'axis-baseline', attrs: { x1: l.x0, x2: l.x1, y1: base, y2: base } },
    {
      key: `ticks:${ticks.length > 0 ? `${month(ticks[0]!.date)}/${month(ticks.at(-1)!.date)}` : ''}`,
      tag: 'path',
      cls: 'tick',
      attrs: { d: ticks.map((t) => `M${at(t.date)},${base}L${at(t.date)},${ri(base + 5)}`).join('') },
    },
  ];
  for (const { date, label } of ticks) {
    const x = at(date);
    const w = textWidth(label!, font);
    const anchor = x - w / 2 < 0 ? 'start' : x + w / 2 > l.size.width ? 'end' : 'middle';
    marks.push({
      key: `tick:${month(date)}`,
      tag: 'text',
      cls: 'tick-label',
      text: label!,
      attrs: { x, y: ri(base + 5 + 0.8 * font), ...(anchor === 'start' ? {} : { 'text-anchor': anchor }) },
    });
  }
  return marks;
}

/** Lines, rules, dots and words already drawn, as obstacles that the deaths panel's words keep clear of. */
function boardOf(marks: readonly Mark[], frame: Pick<Frame, 'plot'>, font: number): Board {
  const board = emptyBoard();
  const plot = boxRect(frame.plot);
  for (const m of marks) {
    if (m.tag === 'text') board.labels.push(textMarkRect(m, font));
    else if (!/\bgridline\b/.test(m.cls ?? '')) {
      const { segments, rects } = markShape(m);
      board.segments.push(...(m.clip ? segments.flatMap((s) => clipSegment(s, plot) ?? []) : segments));
      board.rects.push(...rects);
    }
  }
  return board;
}

/** The diplomacy timeline in one scene at one size: pure, DOM-free, serialisable. */
export function frame(data: DiplomacyData, scene: DiplomacyScene, size: Size): Frame {
  const spec: SceneSpec = SCENES[scene];
  const l = layoutFor(data, spec, size);
  const { font } = l;
  const plot = { x: l.x0, y: 0, width: l.x1 - l.x0, height: l.base };
  const emphasised = l.events.filter((p) => p.emphasised).sort((a, b) => a.cx - b.cx);
  const placed = placeEventLabels(
    emphasised.map((p) => ({ id: p.event.id, x: p.cx, date: p.event.dateLabel, name: p.event.shortLabel })),
    font,
    size.width,
    l.legendBottom + 2,
    ri(l.laneTop - 0.45 * font),
  );
  if (!placed) throw new Error(`diplomacy: scene "${scene}" has no room for its event labels at size ${size.name}`);

  const kindOf = new Map(l.events.map((p) => [p.event.id, p.event.kind]));
  // Marks name their event (the picker's groups) where the reader picks events; elsewhere the bytes are spared.
  const group = (id: string) => (spec.explore ? { group: id } : {});
  const muted = spec.emphasis.length > 0 && !spec.explore;
  const legend = legendMarks(data, l);
  const drawn: Mark[] = [
    ...axisMarks(data, l),
    ...(spec.events ? deathsLine(data, l) : []),
    ...placed.map((p): Mark => ({
      key: `rule:${p.id}`,
      tag: 'line',
      cls: `ev-rule ${kindClass(kindOf.get(p.id) ?? 'other')}`,
      ...group(p.id),
      attrs: { x1: p.x, x2: p.x, y1: p.ruleTop, y2: l.base },
    })),
    // Muted dots first, so the emphasised ones draw on top.
    ...[...l.events]
      .sort((a, b) => Number(a.emphasised) - Number(b.emphasised))
      .map((p): Mark => ({
        key: `ev:${p.event.id}`,
        tag: 'circle',
        cls: `ev ${kindClass(p.event.kind)}${p.emphasised ? ' ev--em' : ''}`,
        ...group(p.event.id),
        attrs: { cx: p.cx, cy: p.cy, r: p.r, ...(muted && !p.emphasised ? { opacity: MUTED } : {}) },
      })),
    ...placed.flatMap((p) =>
      p.lines.map((text, i): Mark => ({
        key: i === 0 ? `date:${p.id}` : i === 1 ? `name:${p.id}` : `name:${p.id}:${i}`,
        tag: 'text',
        cls: i === 0 ? 'ev-date' : 'ev-name',
        ...group(p.id),
        text,
        attrs: { x: p.textX, y: ri(p.baseline + i * 1.15 * font), ...(p.anchor === 'start' ? {} : { 'text-anchor': p.anchor }) },
      })),
    ),
  ];
  const { grid, labels } = spec.events ? deathsLabels(data, l, boardOf([...legend, ...drawn], { plot }, font)) : { grid: [], labels: [] };
  // The gridline goes under everything else.
  return { width: size.width, height: size.height, plot, marks: [...legend, ...grid, ...drawn, ...labels] };
}
