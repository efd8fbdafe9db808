/**
 * The map's projection and cameras. One Mercator projection, turned so the Pacific is in the middle (China
 * on the left, the Americas on the right), gives every point fixed "base" coordinates; the land is written
 * once in those coordinates (geo.ts). A scene's camera, per size, is a centre and a span (degrees of
 * longitude across the frame); it becomes a view: screen = translate + scale × base. The land is drawn
 * under that view as an SVG transform; everything else (routes, dots, words) is placed in screen
 * coordinates from the same view, so text never scales and labels are placed where they will be seen.
 *
 * Routes and dots stay glued to the land while a camera moves: the browser tweens the transform's
 * translate and scale and the marks' coordinates with one eased progress s, and a point's screen position
 * under the tweened transform, (t0 + s·(t1 − t0)) + (k0 + s·(k1 − k0))·p, is exactly the tween of its two
 * screen positions (t0 + k0·p) + s·((t1 + k1·p) − (t0 + k0·p)). A unit test checks it.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { Rect } from '../shared/geometry';
import { r1 } from '../shared/marks';

/** The meridian at the middle of the map (163° W): China to the left, the United States to the right. */
export const CENTRAL_MERIDIAN = -163;
/** Base units per radian. */
export const BASE_SCALE = 200;
/** The land in the page's defs is written in tenths of base units, as whole numbers (a shorter path). */
export const LAND_UNITS = 5;

export type LonLat = readonly [lon: number, lat: number];

/** The projection of the land, routes and places, before any camera. */
export function baseProjection(): GeoProjection {
  return geoMercator().rotate([-CENTRAL_MERIDIAN, 0]).scale(BASE_SCALE).translate([0, 0]).precision(0);
}

const projection = baseProjection();

/** A point's base coordinates. */
export function toBase(p: LonLat): [number, number] {
  const xy = projection([p[0], p[1]]);
  if (!xy) throw new Error(`pipeline: cannot project ${p[0]}, ${p[1]}`);
  return xy;
}

/** Where a scene looks at one size: the map's centre and how many degrees of longitude fill the frame's width. */
export interface Camera {
  readonly center: LonLat;
  readonly span: number;
}

/** A camera made concrete for a frame: screen = (tx, ty) + k × base. Rounded as the SVG carries them. */
export interface View {
  readonly k: number;
  readonly tx: number;
  readonly ty: number;
  readonly width: number;
  readonly height: number;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

export function viewOf(camera: Camera, width: number, height: number): View {
  const k = round4(width / ((camera.span * Math.PI) / 180) / BASE_SCALE);
  const [cx, cy] = toBase(camera.center);
  return { k, tx: r1(width / 2 - k * cx), ty: r1(height / 2 - k * cy), width, height };
}

/** Base coordinates to the screen, in whole units (finer than any screen needs for a dot or a word; a shorter page). */
export const screenOf = (v: View, [bx, by]: readonly [number, number]): [number, number] => [
  Math.round(v.tx + v.k * bx),
  Math.round(v.ty + v.k * by),
];

/** A place on the screen. */
export const place = (v: View, p: LonLat): [number, number] => screenOf(v, toBase(p));

/** The SVG transform that draws the land (in tenths of base units) where this view puts it. */
export const transformOf = (v: View): string => `translate(${v.tx},${v.ty}) scale(${Math.round((v.k / LAND_UNITS) * 1e6) / 1e6})`;

/** A stroke `px` screen pixels wide, in the land's units under this view. */
export const landStroke = (v: View, px: number): number => Math.round(((px * LAND_UNITS) / v.k) * 1000) / 1000;

/** The part of the base plane a view shows. */
export const viewRect = (v: View): Rect => ({
  x0: -v.tx / v.k,
  y0: -v.ty / v.k,
  x1: (v.width - v.tx) / v.k,
  y1: (v.height - v.ty) / v.k,
});
