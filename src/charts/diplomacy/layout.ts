/**
 * Where things go in one scene at one size. From the foot of the chart up: the time axis, the deaths
 * panel (annual counts, a quiet step line), the lane where events sit as dots (stacked where they would
 * touch), the rows of labels for the emphasised events, and the legend of the kinds on show at the top.
 */
import { max } from 'd3-array';
import { scaleLinear, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { flowLegend, SWATCH } from '../shared/labels';
import type { Size, SizeName } from '../types';
import { windowOf, type DiplomacyData, type TimelineEvent } from './data';
import type { SceneSpec } from './scenes';
import { EVENT_KINDS, type EventKind } from './strings';
import { timeScale } from './time';

/**
 * Coordinates in whole user units (a unit is about a CSS pixel on a phone): every mark is written into the
 * page once per step and size, so each decimal saved counts.
 */
export const ri = (n: number): number => Math.round(n);

/** Per size: the deaths panel's height and the dots' radius, in user units. */
const PANEL: Record<SizeName, number> = { compact: 80, medium: 150, wide: 190 };
const DOT: Record<SizeName, number> = { compact: 3.6, medium: 4.2, wide: 4.2 };
const LONG_DOT: Record<SizeName, number> = { compact: 2.6, medium: 3, wide: 3.2 };
/** An emphasised event's dot is this much larger. */
export const EMPHASIS = 1.8;

export interface PlacedEvent {
  readonly event: TimelineEvent;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly emphasised: boolean;
}

export interface Layout {
  readonly size: Size;
  readonly font: number;
  /** The horizontal extent of the time axis. */
  readonly x0: number;
  readonly x1: number;
  /** The axis line (zero deaths) and the top of the deaths panel. */
  readonly base: number;
  readonly panelTop: number;
  /** The lane's floor, and the top of its highest dot. */
  readonly laneBase: number;
  readonly laneTop: number;
  /** The bottom of the legend: labels go between it and the lane. */
  readonly legendBottom: number;
  readonly legend: readonly { readonly kind: EventKind; readonly x: number; readonly baseline: number }[];
  readonly x: ScaleTime<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly events: readonly PlacedEvent[];
}

/**
 * Stacks dots that would touch, as a beeswarm: each, in date order, keeps its x and takes the lowest
 * place in the lane where it clears every dot already placed (on the floor, or resting on a neighbour).
 */
export function stackDots(items: readonly { x: number; r: number }[], floor: number, gap = 1.2): number[] {
  const placed: { x: number; y: number; r: number }[] = [];
  return items.map(({ x, r }) => {
    const near = placed.filter((p) => Math.abs(p.x - x) < p.r + r + gap);
    const clear = (y: number) => near.every((p) => Math.hypot(p.x - x, p.y - y) >= p.r + r + gap);
    // Whole units, rounded away from the neighbour a dot rests on.
    const options = [
      Math.round(floor - r),
      ...near.map((p) => Math.floor(p.y - Math.sqrt(Math.max(0, (p.r + r + gap) ** 2 - (p.x - x) ** 2)))),
    ].sort((a, b) => b - a);
    const y = options.find(clear) ?? Math.min(...options) - Math.ceil(2 * r + gap);
    placed.push({ x, y, r });
    return y;
  });
}

export function layoutFor(data: DiplomacyData, spec: SceneSpec, size: Size): Layout {
  const { font } = size;
  const x0 = 8;
  const x1 = size.width - 8;
  const x = timeScale(windowOf(spec, size), x0, x1);
  // Over a long window the events crowd together: smaller dots keep their stacks low.
  const [from, to] = x.domain() as [Date, Date];
  const years = (to.getTime() - from.getTime()) / (365.25 * 864e5);
  const r = years > 5 ? LONG_DOT[size.name] : DOT[size.name];
  const base = ri(size.height - (5 + 1.06 * font + 3));
  const panelTop = base - PANEL[size.name];
  const laneBase = panelTop - Math.round(font * 0.9);
  const top = max(data.deaths, (d) => d.value) ?? 1;
  const y = scaleLinear().domain([0, top]).nice(4).range([base, panelTop]);

  const emphasis = new Set<string>(spec.emphasis);
  const shown = spec.events
    ? data.events.filter((e) => e.at >= from && e.at < to).map((e) => ({ e, r: emphasis.has(e.id) ? r + EMPHASIS : r }))
    : [];
  // Dots wholly inside the axis's span only: an event at the very edge of a window stays out of it.
  const inside = shown.filter(({ e, r: radius }) => x(e.at) - radius >= x0 - 0.5 && x(e.at) + radius <= x1 + 0.5);
  const ys = stackDots(
    inside.map(({ e, r: radius }) => ({ x: ri(x(e.at)), r: radius })),
    laneBase,
  );
  const events = inside.map(({ e, r: radius }, i) => ({
    event: e,
    cx: ri(x(e.at)),
    cy: ys[i]!,
    r: radius,
    emphasised: emphasis.has(e.id),
  }));
  const laneTop = Math.min(laneBase, ...events.map((p) => p.cy - p.r));

  // The legend names every kind in every scene: a stable key reads faster than one that changes at each step
  // (and its markup repeats exactly, which a compressed page carries almost for free).
  const kinds = spec.events ? EVENT_KINDS : [];
  const row = ri(font * 1.3 + 2);
  const rows = flowLegend(
    kinds.map((k) => data.strings.kinds[k]),
    size.width - 2,
    font,
  );
  const legend = rows.flatMap((entries, i) => entries.map((e) => ({ kind: kinds[e.index]!, x: e.x, baseline: ri(i * row + 0.95 * font) })));
  return {
    size,
    font,
    x0,
    x1,
    base,
    panelTop,
    laneBase,
    laneTop,
    legendBottom: rows.length * row,
    legend,
    x,
    y,
    events,
  };
}

/** The legend swatch's centre, from an entry's x, and its words' x. */
export const legendSwatch = (x: number, font: number): number => ri(x + (SWATCH.length * font) / 2);
export const legendText = (x: number, font: number): number => ri(x + (SWATCH.length + SWATCH.gap) * font);
