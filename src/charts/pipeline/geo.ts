/**
 * The land, built once at build time from world-atlas (Natural Earth, 1:50m) with topojson-client and
 * d3-geo: no shape is drawn by hand and none is fetched at run time. China, Mexico and the United States
 * keep their own shapes (a scene can emphasise one); every other country is merged into one shape; borders
 * are a mesh. The arcs are simplified as little as the closest camera that shows them needs (half a screen
 * pixel at that camera's zoom), and everything is clipped to the part of the plane some camera shows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoPath } from 'd3-geo';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { pathSegments, rectsOverlap, type Rect, type Segment } from '../shared/geometry';
import { baseProjection, LAND_UNITS, type View, viewRect } from './camera';
import type { CountryCode } from './schemas';

/** world-atlas ids (ISO 3166-1 numeric) of the countries the map keeps as their own shapes. */
export const COUNTRY_IDS: Readonly<Record<CountryCode, string>> = { CN: '156', MX: '484', US: '840' };

/** The ids of the shared shapes in the page's defs (the marks' `<use href="#…">`). */
export const DEF_IDS = {
  land: 'pipeline-land',
  CN: 'pipeline-cn',
  MX: 'pipeline-mx',
  US: 'pipeline-us',
  borders: 'pipeline-borders',
  usMexico: 'pipeline-us-mx',
  arrow: 'pipeline-arrow',
} as const;

type Countries = GeometryCollection<{ name: string }>;
type World = Topology<{ countries: Countries }>;

/** The world at 1:50m, read from the world-atlas package (build time only). */
export function readWorld(): World {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as World;
}

/**
 * Douglas–Peucker with a tolerance per point: the indices of the points to keep so that no dropped point
 * is farther from the simplified line than its own tolerance.
 */
export function simplifyLine(points: readonly (readonly [number, number])[], tolerance: (i: number) => number): number[] {
  const n = points.length;
  if (n <= 2) return points.map((_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const [first, last] = [points[0]!, points[n - 1]!];
  if (first[0] === last[0] && first[1] === last[1]) {
    // A closed ring keeps a triangle at least (a ring that collapses to a line turns inside out on the sphere):
    // the point farthest from its start, and the farthest from the chord to it.
    const dist = (i: number, [x, y]: readonly [number, number]) => Math.hypot(points[i]![0] - x, points[i]![1] - y);
    let far = 1;
    for (let i = 1; i < n - 1; i++) if (dist(i, first) > dist(far, first)) far = i;
    keep[far] = 1;
    let third = -1;
    let best = -1;
    for (let i = 1; i < n - 1; i++) {
      if (i === far) continue;
      const d = Math.min(dist(i, first), dist(i, points[far]!));
      if (d > best) [best, third] = [d, i];
    }
    if (third > 0) keep[third] = 1;
    stack.length = 0;
    const marks = [0, ...[far, third].filter((i) => i > 0).sort((a, b) => a - b), n - 1];
    for (let j = 1; j < marks.length; j++) stack.push([marks[j - 1]!, marks[j]!]);
  }
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let far = 1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      const ratio = Math.hypot(px - ax - t * dx, py - ay - t * dy) / tolerance(i);
      if (ratio > far) [far, worst] = [ratio, i];
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return [...keep.keys()].filter((i) => keep[i] === 1);
}

/**
 * How far a simplified coastline may stray, in screen pixels at the closest view that shows it: a pixel and a
 * half where a camera comes close, two where the land is only seen from afar (the whole Pacific on a phone).
 */
const tolerancePx = (k: number): number => (k >= 1.5 ? 1.4 : 2.2);
const FAR_TOLERANCE = 3;
/** How much more the land around China, Mexico and the United States may be simplified. */
const CONTEXT_LOOSER = 2.5;
/** Islands smaller than this on screen (px²) at the closest view that shows them are left out. */
const MIN_ISLAND = 40;

const grown = (r: Rect, by: number): Rect => ({ x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by });
const contains = (r: Rect, [x, y]: readonly [number, number]): boolean => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;

/** The largest zoom of the views whose (slightly grown) frame holds the point; 0 when none does. */
function zoomAt(rects: readonly { rect: Rect; k: number }[], p: readonly [number, number]): number {
  let k = 0;
  for (const r of rects) if (r.k > k && contains(r.rect, p)) k = r.k;
  return k;
}

/**
 * A copy of the topology with absolute coordinates, each arc simplified for the views that show it, and
 * islands too small to see in any of them left out. Arcs are shared between neighbouring shapes, so
 * borders and shapes still meet exactly.
 */
export function simplifyForViews(world: World, views: readonly View[]): World {
  const project = baseProjection();
  const { scale = [1, 1], translate = [0, 0] } = world.transform ?? {};
  const rects = views.map((v) => ({ rect: grown(viewRect(v), FAR_TOLERANCE + 1), k: v.k }));
  // The route's three countries keep more detail than the land around them, which is only context.
  const own = new Set(Object.values(COUNTRY_IDS));
  const ownArcs = new Set<number>();
  const collect = (a: unknown): void => {
    if (typeof a === 'number') ownArcs.add(a < 0 ? ~a : a);
    else if (Array.isArray(a)) a.forEach(collect);
  };
  for (const g of world.objects.countries.geometries) if (own.has(String(g.id)) && 'arcs' in g) collect(g.arcs);
  const arcs = world.arcs.map((arc, index) => {
    const looser = ownArcs.has(index) ? 1 : CONTEXT_LOOSER;
    let x = 0;
    let y = 0;
    const lonlat = arc.map(([dx, dy]) => {
      if (!world.transform) return [dx!, dy!] as [number, number];
      x += dx!;
      y += dy!;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as [number, number];
    });
    const base = lonlat.map((p): [number, number] => project(p) ?? [0, 0]);
    const zoom = base.map((p) => zoomAt(rects, p));
    return simplifyLine(base, (i) => (zoom[i]! > 0 ? (looser * tolerancePx(zoom[i]!)) / zoom[i]! : FAR_TOLERANCE)).map((i) => lonlat[i]!);
  });
  const { transform: _, ...rest } = world;
  void _;
  const simplified = { ...rest, arcs } as World;
  // Islands: a polygon of a country whose area on screen, at the closest view that shows it, is a speck.
  const path = geoPath(project);
  const countries = simplified.objects.countries;
  const geometries = countries.geometries.map((g) => {
    if (g.type !== 'MultiPolygon') return g;
    const polygons = g.arcs.filter((rings) => {
      const f = feature(simplified, { type: 'Polygon', arcs: rings } as GeometryObject) as unknown as Parameters<typeof path.area>[0];
      const [[x0, y0], [x1, y1]] = path.bounds(f);
      const box: Rect = { x0, y0, x1, y1 };
      const k = Math.max(0, ...rects.filter((r) => rectsOverlap(r.rect, box)).map((r) => r.k));
      // A ring that simplification turned inside out (it would cover the rest of the sphere) is dropped too.
      return k > 0 && geoArea(f) < 2 * Math.PI && path.area(f) * k * k >= MIN_ISLAND;
    });
    return { ...g, arcs: polygons };
  });
  return { ...simplified, objects: { countries: { ...countries, geometries } } } as World;
}

/** The part of the base plane any of `views` shows, with a margin: the land is clipped to it. */
export function extentOf(views: readonly View[], margin = 8): Rect {
  const rects = views.map(viewRect);
  return {
    x0: Math.min(...rects.map((r) => r.x0)) - margin,
    y0: Math.min(...rects.map((r) => r.y0)) - margin,
    x1: Math.max(...rects.map((r) => r.x1)) + margin,
    y1: Math.max(...rects.map((r) => r.y1)) + margin,
  };
}

/**
 * d3's absolute path data (M, L, Z in base units, one decimal) as relative moves in whole tenths of a base
 * unit (m, l, z): about half as long. The marks' transform scales tenths back (camera.ts, LAND_UNITS).
 */
export function compactPath(d: string): string {
  let out = '';
  let [x, y] = [0, 0];
  let [sx, sy] = [0, 0];
  let last = '';
  const num = (n: number, first: boolean) => (first || n < 0 ? '' : ' ') + String(n);
  for (const m of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (m[1] === 'Z') {
      out += 'z';
      [x, y] = [sx, sy];
      last = 'z';
      continue;
    }
    const [px = 0, py = 0] = m[2]!.split(',').map((v) => Math.round(Number(v) * LAND_UNITS));
    const [dx, dy] = [px - x, py - y];
    [x, y] = [px, py];
    if (m[1] === 'M') [sx, sy] = [px, py];
    const cmd = m[1] === 'M' ? 'm' : 'l';
    // After m or l, further pairs repeat an l: the letter can go.
    out += (cmd === 'l' && (last === 'l' || last === 'm') ? num(dx, false) : cmd + String(dx)) + num(dy, false);
    last = cmd;
  }
  return out;
}

export interface Land {
  /** Markup for the page's `<defs>`: each shape once, in base coordinates. */
  readonly defs: string;
  /** The borders between countries, in base coordinates: labels keep clear of them. */
  readonly borders: readonly Segment[];
  /** The US–Mexico border alone (a scene can draw it stronger). */
  readonly usMexico: readonly Segment[];
  /** Where a flow to or from a country starts or ends: the middle of its largest piece of land, in base coordinates. */
  readonly anchors: Readonly<Record<CountryCode, readonly [number, number]>>;
}

/** Builds the land for the cameras that will show it. */
export function buildLand(world: World, views: readonly View[]): Land {
  const topo = simplifyForViews(world, views);
  const clip = extentOf(views);
  const projection = baseProjection().clipExtent([
    [clip.x0, clip.y0],
    [clip.x1, clip.y1],
  ]);
  const path = geoPath(projection).digits(1);
  const geometries = topo.objects.countries.geometries as GeometryObject<{ name: string }>[];
  const own = new Set(Object.values(COUNTRY_IDS));
  const others = merge(topo, geometries.filter((g) => !own.has(String(g.id))) as Parameters<typeof merge>[1]);
  const countryOf = (code: CountryCode): Feature<Polygon | MultiPolygon> => {
    const g = geometries.find((x) => String(x.id) === COUNTRY_IDS[code]);
    if (!g) throw new Error(`world-atlas has no country ${COUNTRY_IDS[code]} (${code})`);
    return feature(topo, g) as Feature<Polygon | MultiPolygon>;
  };
  // Only the three countries' borders: the others' would be detail no step needs.
  const borders: MultiLineString = mesh(
    topo,
    topo.objects.countries,
    (a, b) => a !== b && (own.has(String(a.id)) || own.has(String(b.id))),
  );
  const idOf = (g: GeometryObject) => String(g.id);
  const usMexico: MultiLineString = mesh(
    topo,
    topo.objects.countries,
    (a, b) => [idOf(a), idOf(b)].sort().join() === [COUNTRY_IDS.MX, COUNTRY_IDS.US].sort().join(),
  );
  const shapes: [string, string][] = [
    [DEF_IDS.land, path(others) ?? ''],
    [DEF_IDS.CN, path(countryOf('CN')) ?? ''],
    [DEF_IDS.MX, path(countryOf('MX')) ?? ''],
    [DEF_IDS.US, path(countryOf('US')) ?? ''],
    [DEF_IDS.borders, path(borders) ?? ''],
    [DEF_IDS.usMexico, path(usMexico) ?? ''],
  ];
  const anchors = Object.fromEntries(
    (['CN', 'MX', 'US'] as const).map((code) => {
      const f = countryOf(code);
      // The largest piece of land (the contiguous United States, mainland China), not the whole country's centroid.
      const parts = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
      const unclipped = geoPath(baseProjection());
      const largest = parts
        .map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
        .sort((a, b) => unclipped.area(b) - unclipped.area(a))[0];
      const [cx, cy] = largest ? unclipped.centroid(largest) : [0, 0];
      return [code, [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10] as const];
    }),
  ) as Record<CountryCode, readonly [number, number]>;
  return {
    defs: shapes.map(([id, d]) => `<path id="${id}" d="${compactPath(d)}"></path>`).join(''),
    borders: pathSegments(path(borders) ?? ''),
    usMexico: pathSegments(path(usMexico) ?? ''),
    anchors,
  };
}
