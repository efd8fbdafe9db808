/**
 * The supply-chain map in one scene at one size: pure, DOM-free, serialisable. The land is `<use>` of the
 * shapes in the page's defs under the camera's transform; routes, dots and words are in screen
 * coordinates from the same view (camera.ts), words placed where they touch nothing else.
 */
import { fill, formatCount } from '../shared/format';
import { clipSegment, labelRect, type Rect, type Segment } from '../shared/geometry';
import type { Frame, Mark } from '../shared/marks';
import { emptyBoard, labelMarks, place as placeLabel, type Board, type Candidate } from '../shared/placement';
import type { Size } from '../types';
import { landStroke, place, screenOf, transformOf, viewOf, type LonLat, type View } from './camera';
import type { Flow, PipelineData, Place } from './data';
import { DEF_IDS } from './geo';
import { insetMarks } from './inset';
import { around, aroundAll } from './labels';
import { markerEnd, quadAt, routeOf, type Route } from './routes';
import { SCENES, type NoteAnchor, type PipelineScene, type SceneSpec } from './scenes';
import type { CountryCode, StageId } from './schemas';

/**
 * Where a country's name may go, in order: points inside it, so the name stays on its land whatever part
 * of it the camera shows. Layout, not data.
 */
const COUNTRY_LABEL_POINTS: Readonly<Record<CountryCode, readonly LonLat[]>> = {
  CN: [
    [106, 34],
    [111, 36.5],
    [112, 27],
    [117, 37.5],
    [113.5, 24],
  ],
  MX: [
    [-102, 24.5],
    [-100.5, 21],
    [-106.5, 29],
    [-98.5, 19],
  ],
  US: [
    [-99, 39.5],
    [-104, 43],
    [-89, 37],
    [-110, 35.5],
    [-113.5, 38.5],
    // Just north of the border (Arizona, New Mexico), for the cameras that look at the crossing.
    [-107.5, 33.2],
    [-112, 33.6],
  ],
};

const COUNTRIES: readonly CountryCode[] = ['CN', 'MX', 'US'];

/** Everything one scene at one size draws, in drawing order. */
export function frame(data: PipelineData, scene: PipelineScene, size: Size): Frame {
  const spec: SceneSpec = SCENES[scene];
  const { width, height, font } = size;
  const view = viewOf(spec.camera[size.name], width, height);
  const bounds: Rect = { x0: 3, y0: 3, x1: width - 3, y1: height - 3 };
  const board = emptyBoard();
  const dotR = size.name === 'compact' ? 4 : 4.5;
  // Marks say which stage they belong to where the reader picks stages (the explore scene), and only there.
  const groupOf = (stage: StageId): { group?: StageId } => (spec.explore ? { group: stage } : {});

  // The sea, the land under the camera, the borders.
  const transform = transformOf(view);
  const land: Mark[] = [
    { key: 'water', tag: 'path', cls: 'map-water', attrs: { d: `M0 0H${width}V${height}H0Z` } },
    { key: 'land', tag: 'use', cls: 'map-land', attrs: { href: `#${DEF_IDS.land}`, transform } },
    ...COUNTRIES.map((code): Mark => ({
      key: `country:${code}`,
      tag: 'use',
      cls: `map-land map-country${(spec.emphasis as readonly CountryCode[]).includes(code) ? ' is-focus' : ''}`,
      attrs: { href: `#${DEF_IDS[code]}`, transform },
    })),
    {
      key: 'borders',
      tag: 'use',
      cls: 'map-borders',
      attrs: { href: `#${DEF_IDS.borders}`, transform, 'stroke-width': landStroke(view, 0.75) },
    },
  ];
  if (spec.border) {
    land.push({
      key: 'border:us-mx',
      tag: 'use',
      cls: 'map-border-us-mx',
      attrs: { href: `#${DEF_IDS.usMexico}`, transform, 'stroke-width': landStroke(view, 1.5) },
    });
  }
  board.segments.push(...onScreen(data.borders, view, bounds));

  // The inset, before any label: labels keep out of its panel.
  const inset = spec.inset ? insetMarks(data, size, spec.inset[size.name]) : undefined;
  if (inset) board.rects.push(inset.rect);

  // Flows: muted context first, so the step's own flows draw on top.
  const layers = [...spec.flows].sort((a, b) => Number(!a.muted) - Number(!b.muted));
  const shownPlaces = new Set(data.places.filter((p) => (spec.places as readonly string[]).includes(p.stage)).map((p) => p.id));
  const routes: { flow: Flow; route: Route; muted: boolean; label: boolean }[] = [];
  const flowMarks: Mark[] = [];
  for (const layer of layers) {
    for (const flow of data.flows.filter((f) => f.stage === layer.stage)) {
      const gap = (id: string, country: boolean) => (country ? 2 : shownPlaces.has(id) ? dotR + 2.5 : 1);
      const route = routeOf(flow, view, gap(flow.from, false), gap(flow.to, flow.toCountry));
      routes.push({ flow, route, muted: layer.muted === true, label: layer.label ?? !layer.muted });
      board.segments.push(...route.segments);
      flowMarks.push({
        key: `flow:${flow.id}`,
        tag: 'path',
        cls: `map-flow map-flow--${flow.kind}`,
        ...groupOf(flow.stage),
        ...(flow.kind === 'chemicals' || flow.kind === 'fentanyl' ? { enter: 'draw' as const } : {}),
        attrs: { d: route.d, 'marker-end': markerEnd(flow.kind), ...(layer.muted ? { opacity: 0.35 } : {}) },
      });
    }
  }

  // Places: a dot each.
  const places = data.places.filter((p) => shownPlaces.has(p.id));
  const dotMarks = places.map((p): Mark => {
    const [cx, cy] = place(view, p.lonLat);
    board.rects.push({ x0: cx - dotR - 1, y0: cy - dotR - 1, x1: cx + dotR + 1, y1: cy + dotR + 1 });
    return { key: `dot:${p.id}`, tag: 'circle', cls: `map-dot map-dot--${p.stage}`, ...groupOf(p.stage), attrs: { cx, cy, r: dotR } };
  });

  // Words: the places' names first (they matter most), then the flows', the notes, the countries'.
  const words: Mark[] = [];
  const named = size.name === 'compact' && spec.compactPlaceLabels ? spec.compactPlaceLabels : spec.placeLabels;
  for (const p of places.filter((x) => (named as readonly string[]).includes(x.stage))) {
    const [x, y] = place(view, p.lonLat);
    words.push(...put(`label:${p.id}`, around(x, y, p.label, font, dotR + 3), font, board, bounds, 'map-label halo', groupOf(p.stage)));
  }
  const labelled = new Set<string>();
  for (const { flow, label } of routes) {
    if (!label || labelled.has(`${flow.stage}:${flow.kind}`)) continue;
    labelled.add(`${flow.stage}:${flow.kind}`);
    // The longest flow of its kind in the layer carries the name.
    const longest = routes
      .filter((r) => r.flow.stage === flow.stage && r.flow.kind === flow.kind)
      .sort((a, b) => length(b.route) - length(a.route))[0]!;
    const texts = data.strings.flows[flow.kind];
    const candidates = texts.flatMap((text) => alongRoute(longest.route, text, font));
    words.push(
      ...put(
        `flow-label:${flow.stage}:${flow.kind}`,
        candidates,
        font,
        board,
        bounds,
        `map-flow-label map-flow-label--${flow.kind} halo`,
        groupOf(flow.stage),
      ),
    );
  }
  for (const note of spec.notes) {
    if (note.sizes && !note.sizes.includes(size.name)) continue;
    const texts = (data.strings.notes[note.id] ?? [note.id]).map((t) => fill(t, noteValues(data)));
    const candidates = noteCandidates(data, view, note.at, routes, texts, font, dotR);
    words.push(...put(`note:${note.id}`, candidates, font, board, bounds, 'map-note halo', note.group ? groupOf(note.group) : {}));
  }
  for (const code of spec.countryLabels as readonly CountryCode[]) {
    const text = data.strings.countries[code];
    const candidates = COUNTRY_LABEL_POINTS[code].flatMap((p) => {
      const [x, y] = place(view, p);
      return around(x, y, text, font, 2, 2, true);
    });
    // A country's name is context: where the camera leaves no room for it, it is left out.
    const placed = placeLabel(candidates, font, board, bounds);
    if (placed) {
      const group = code === 'US' ? groupOf('streets') : {};
      words.push(...labelMarks(`country-label:${code}`, placed, font, 'map-country-label halo').map((m) => ({ ...m, ...group })));
    }
  }

  return {
    width,
    height,
    plot: { x: 0, y: 0, width, height },
    marks: [
      ...land,
      ...(inset?.marks.filter((m) => m.tag !== 'text') ?? []),
      ...flowMarks,
      ...dotMarks,
      ...(inset?.marks.filter((m) => m.tag === 'text') ?? []),
      ...words,
    ],
  };
}

/** The values a note's wording may use. */
function noteValues(data: PipelineData): Record<string, string | number> {
  return { deaths: formatCount(data.deaths.value, data.locale), year: data.deaths.year };
}

/** Base-coordinate segments on the screen, cut to what the frame shows. */
export function onScreen(segments: readonly Segment[], view: View, bounds: Rect): Segment[] {
  return segments.flatMap((s) => {
    const [x1, y1] = screenOf(view, [s.x1, s.y1]);
    const [x2, y2] = screenOf(view, [s.x2, s.y2]);
    return clipSegment({ x1, y1, x2, y2 }, bounds) ?? [];
  });
}

const length = (r: Route): number => Math.hypot(r.end[0] - r.start[0], r.end[1] - r.start[1]);

/** Positions beside a flow's line, middle first, for its name. */
function alongRoute(route: Route, text: string, font: number): Candidate[] {
  return [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].flatMap((t) => {
    const [x, y] = quadAt(route.start, route.control, route.end, t);
    return around(x, y, text, font, 4, 3);
  });
}

function noteCandidates(
  data: PipelineData,
  view: View,
  at: NoteAnchor,
  routes: readonly { flow: Flow; route: Route }[],
  texts: readonly string[],
  font: number,
  dotR: number,
): Candidate[] {
  if ('place' in at) {
    const p: Place | undefined = data.places.find((x) => x.id === at.place);
    if (!p) throw new Error(`pipeline: a note is set beside "${at.place}", which pipeline-places.csv lacks.`);
    const [x, y] = place(view, p.lonLat);
    return aroundAll(x, y, texts, font, dotR + 3, 5);
  }
  if ('flow' in at) {
    const r = routes.find((x) => x.flow.id === at.flow);
    if (!r) throw new Error(`pipeline: a note is set along the flow "${at.flow}", which the scene does not draw.`);
    return texts.flatMap((text) => alongRoute(r.route, text, font));
  }
  const [x, y] = screenOf(view, data.anchors[at.country]);
  return aroundAll(x, y, texts, font, 2, 4, true);
}

/** Places a label at its first free candidate (or, with none free, at the first: the collision tests will say). */
function put(
  key: string,
  candidates: readonly Candidate[],
  font: number,
  board: Board,
  bounds: Rect,
  cls: string,
  group: { group?: string },
): Mark[] {
  let placed: Candidate | undefined = placeLabel(candidates, font, board, bounds);
  if (!placed && candidates[0]) {
    placed = candidates[0];
    board.labels.push(labelRect(placed.text, placed.x, placed.y, font, placed.anchor));
  }
  if (!placed) return [];
  return labelMarks(key, placed, font, cls).map((m) => ({ ...m, ...group }));
}

/** Every view any scene shows, at every size: the land is simplified and clipped for these. */
export function allViews(sizes: readonly Size[]): View[] {
  return Object.values(SCENES).flatMap((spec: SceneSpec) => sizes.map((size) => viewOf(spec.camera[size.name], size.width, size.height)));
}
