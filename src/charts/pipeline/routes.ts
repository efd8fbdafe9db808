/**
 * A flow's line: a quadratic curve from one place to another that bows to one side (`bend`, a share of its
 * length; positive bows to the left of travel, so an eastward crossing of the Pacific arcs north and a flow
 * back the other way, with the same bend, keeps to the other side of the road). Its three points are set
 * in base coordinates and then put on the screen by the view, so the line stays on the land as the camera
 * moves (camera.ts). Only its ends are trimmed in screen units, to leave the places' dots clear.
 */
import type { Segment } from '../shared/geometry';
import { screenOf, type View } from './camera';
import type { Flow } from './data';
import { DEF_IDS } from './geo';
import type { FlowKind } from './schemas';

type Point = readonly [number, number];

export interface Route {
  /** Start, control point and end on the screen, the ends trimmed. */
  readonly start: Point;
  readonly control: Point;
  readonly end: Point;
  /** SVG path data: one quadratic curve. Its arrowhead is a marker from the page's defs (`ARROW`). */
  readonly d: string;
  /** The line and its arrowhead as straight pieces, for label placement and the collision checks. */
  readonly segments: readonly Segment[];
}

/**
 * The arrowhead every flow ends in: an open chevron, drawn by a `<marker>` in the page's defs (one per kind
 * of flow, for its colour), sized in units of the line's width (CSS: 2.5), so 3 × 2.5 units long overall.
 */
export const ARROW = { box: 10, size: 3, strokeWidth: 2.5, tip: [9, 5], wings: [1, 1, 1, 9] } as const;

/** The markers for the page's defs. */
export function arrowMarkers(kinds: readonly FlowKind[]): string {
  const [tx, ty] = ARROW.tip;
  const [ax, ay, bx, by] = ARROW.wings;
  return kinds
    .map(
      (kind) =>
        `<marker id="${DEF_IDS.arrow}-${kind}" viewBox="0 0 ${ARROW.box} ${ARROW.box}" refX="${tx}" refY="${ty}" markerWidth="${ARROW.size}" markerHeight="${ARROW.size}" orient="auto"><path class="map-arrowhead map-arrowhead--${kind}" d="M${ax},${ay}L${tx},${ty}L${bx},${by}"></path></marker>`,
    )
    .join('');
}

/** The attribute that puts the arrowhead on a flow of this kind. */
export const markerEnd = (kind: FlowKind): string => `url(#${DEF_IDS.arrow}-${kind})`;

/** The arrowhead's two strokes on the screen, for a line ending at `end` coming from `control`. */
export function arrowSegments(control: Point, end: Point): Segment[] {
  const u = unit(control, end);
  const scale = (ARROW.size * ARROW.strokeWidth) / ARROW.box;
  const back = (ARROW.tip[0] - ARROW.wings[0]) * scale;
  const half = ((ARROW.wings[3] - ARROW.wings[1]) / 2) * scale;
  const [bx, by] = [end[0] - u[0] * back, end[1] - u[1] * back];
  return [
    { x1: bx - u[1] * half, y1: by + u[0] * half, x2: end[0], y2: end[1] },
    { x1: end[0], y1: end[1], x2: bx + u[1] * half, y2: by - u[0] * half },
  ];
}

/** A flow's path data back as its points (for the checks): `M start Q control end`. */
export function routePoints(d: string): { start: Point; control: Point; end: Point } {
  const n = [...d.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
  return { start: [n[0]!, n[1]!], control: [n[2]!, n[3]!], end: [n[4]!, n[5]!] };
}

/** The control point of a flow's curve, in base coordinates. */
export function controlPoint(a: Point, b: Point, bend: number): Point {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  // The left-hand normal of travel in screen axes (y down): (dy, -dx).
  return [(a[0] + b[0]) / 2 + bend * dy, (a[1] + b[1]) / 2 - bend * dx];
}

const unit = (from: Point, to: Point): Point => {
  const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
  const len = Math.hypot(dx, dy) || 1;
  return [dx / len, dy / len];
};

/** The point at `t` on a quadratic curve. */
export const quadAt = (p0: Point, c: Point, p1: Point, t: number): Point => [
  (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t ** 2 * p1[0],
  (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t ** 2 * p1[1],
];

/** A quadratic curve as `n` straight pieces. */
export function flatten(p0: Point, c: Point, p1: Point, n = 24): Segment[] {
  const out: Segment[] = [];
  let prev = p0;
  for (let i = 1; i <= n; i++) {
    const p = quadAt(p0, c, p1, i / n);
    out.push({ x1: prev[0], y1: prev[1], x2: p[0], y2: p[1] });
    prev = p;
  }
  return out;
}

const xy = (p: Point): string => `${p[0]},${p[1]}`;

/**
 * The flow in a view, in whole screen units. `gapStart`/`gapEnd`: room left free at each end (a dot's
 * radius and some air).
 */
export function routeOf(flow: Flow, view: View, gapStart: number, gapEnd: number): Route {
  const a = screenOf(view, flow.a);
  const b = screenOf(view, flow.b);
  const c = screenOf(view, controlPoint(flow.a, flow.b, flow.bend));
  const ua = unit(a, c);
  const ub = unit(c, b);
  const start: Point = [Math.round(a[0] + ua[0] * gapStart), Math.round(a[1] + ua[1] * gapStart)];
  const end: Point = [Math.round(b[0] - ub[0] * gapEnd), Math.round(b[1] - ub[1] * gapEnd)];
  return {
    start,
    control: c,
    end,
    d: `M${xy(start)}Q${xy(c)} ${xy(end)}`,
    segments: [...flatten(start, c, end), ...arrowSegments(c, end)],
  };
}
