/**
 * The map's geometry: the projection and each scene's camera at each size (what a step talks about is in
 * the frame, large enough), the flows (they start and end at their places; money goes the other way),
 * routes and dots glued to the land while the camera moves, and the land written once, small.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE_SCALE, LAND_UNITS, place, screenOf, toBase, transformOf, viewOf, type View } from '../../src/charts/pipeline/camera';
import { frame } from '../../src/charts/pipeline/frame';
import { compactPath, DEF_IDS, simplifyLine } from '../../src/charts/pipeline/geo';
import { controlPoint, quadAt, routePoints } from '../../src/charts/pipeline/routes';
import { PIPELINE_SCENES, SCENES, type PipelineScene } from '../../src/charts/pipeline/scenes';
import type { Frame, Mark } from '../../src/charts/shared/marks';
import { SIZES } from '../../src/charts/types';
import { realPipeline } from './pipeline-fixtures';

const { land, data } = realPipeline();
const byId = new Map(data.places.map((p) => [p.id, p]));
const viewFor = (scene: PipelineScene, size: (typeof SIZES)[number]): View =>
  viewOf(SCENES[scene].camera[size.name], size.width, size.height);
const markOf = (f: Frame, key: string): Mark | undefined => f.marks.find((m) => m.key === key);

describe('projection', () => {
  it('puts China on the left, the Pacific in the middle, Mexico and the United States on the right', () => {
    const at = (id: string) => toBase(byId.get(id)!.lonLat);
    const [wuhan, manzanillo, sanDiego] = [at('wuhan'), at('manzanillo'), at('san-diego')];
    expect(wuhan[0]).toBeLessThan(0);
    expect(manzanillo[0]).toBeGreaterThan(0);
    expect(sanDiego[0]).toBeGreaterThan(wuhan[0]);
    // North is up: San Diego is north of Manzanillo.
    expect(sanDiego[1]).toBeLessThan(manzanillo[1]);
    // The 180th meridian, mid-Pacific, is near the middle of the plane.
    expect(Math.abs(toBase([180, 30])[0])).toBeLessThan(0.3 * BASE_SCALE);
  });

  it('a camera puts its centre in the middle of the frame, its span across the width', () => {
    for (const size of SIZES) {
      const v = viewOf({ center: [-105, 23], span: 20 }, size.width, size.height);
      const [x, y] = place(v, [-105, 23]);
      expect(Math.abs(x - size.width / 2)).toBeLessThanOrEqual(1);
      expect(Math.abs(y - size.height / 2)).toBeLessThanOrEqual(1);
      const [x0] = place(v, [-115, 23]);
      const [x1] = place(v, [-95, 23]);
      expect(Math.abs(x1 - x0 - size.width)).toBeLessThanOrEqual(2);
    }
  });
});

/** The places each scene is about, which must be in the frame at every size (with room for a dot and a little more). */
const NAMED: Partial<Record<PipelineScene, readonly string[]>> = {
  chemicals: ['wuhan', 'hefei'],
  shipping: ['wuhan', 'hefei', 'manzanillo'],
  labs: ['manzanillo', 'culiacan', 'guadalajara'],
  // The crossings, and the labs the fentanyl comes from.
  crossing: ['san-diego', 'calexico', 'nogales', 'culiacan', 'guadalajara'],
  streets: ['san-diego', 'calexico', 'nogales'],
  money: ['san-diego', 'nogales', 'culiacan', 'guadalajara'],
  controls: ['wuhan', 'hefei', 'manzanillo', 'culiacan', 'guadalajara', 'san-diego', 'calexico', 'nogales'],
  explore: ['wuhan', 'hefei', 'manzanillo', 'culiacan', 'guadalajara', 'san-diego', 'calexico', 'nogales'],
};

describe('cameras, per scene and size', () => {
  for (const scene of PIPELINE_SCENES) {
    for (const size of SIZES) {
      it(`${scene} / ${size.name}: the places the step is about are in the frame`, () => {
        const v = viewFor(scene, size);
        for (const id of NAMED[scene] ?? []) {
          const [x, y] = place(v, byId.get(id)!.lonLat);
          expect(x, `${id} x`).toBeGreaterThanOrEqual(8);
          expect(x, `${id} x`).toBeLessThanOrEqual(size.width - 8);
          expect(y, `${id} y`).toBeGreaterThanOrEqual(8);
          expect(y, `${id} y`).toBeLessThanOrEqual(size.height - 8);
        }
      });
    }
  }

  it('the whole route, China to the east coast of the United States, is in the frame of the whole-route scenes on a desktop', () => {
    const wide = SIZES.find((s) => s.name === 'wide')!;
    for (const scene of ['overview', 'controls', 'explore'] as const) {
      const v = viewFor(scene, wide);
      for (const lonLat of [
        [110, 30],
        [122, 31],
        [-75, 40],
        [-117, 32.5],
        [-92, 15],
      ] as const) {
        const [x, y] = place(v, lonLat);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(wide.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(wide.height);
      }
    }
  });

  it('a phone looks closer at the part of the route a step is about, large enough to read', () => {
    const compact = SIZES.find((s) => s.name === 'compact')!;
    for (const scene of ['chemicals', 'labs', 'crossing', 'money'] as const) {
      const { camera } = SCENES[scene];
      // A smaller part of the map than a desktop shows, at more than 12 px per degree.
      expect(camera.compact.span, scene).toBeLessThan(camera.wide.span);
      expect(compact.width / camera.compact.span, scene).toBeGreaterThan(12);
    }
  });

  it('the land, routes and dots share one view: a dot sits where the land under the transform puts its place', () => {
    for (const size of SIZES) {
      for (const scene of PIPELINE_SCENES) {
        const f = frame(data, scene, size);
        const v = viewFor(scene, size);
        const use = markOf(f, 'land')!;
        expect(use.attrs['transform']).toBe(transformOf(v));
        const [, tx, ty, s] = /translate\(([-\d.]+),([-\d.]+)\) scale\(([-\d.]+)\)/.exec(String(use.attrs['transform']))!.map(Number);
        for (const m of f.marks.filter((x) => x.key.startsWith('dot:'))) {
          const p = byId.get(m.key.slice(4))!;
          const [bx, by] = toBase(p.lonLat);
          expect(Math.abs(tx! + s! * LAND_UNITS * bx - Number(m.attrs['cx']))).toBeLessThanOrEqual(0.6);
          expect(Math.abs(ty! + s! * LAND_UNITS * by - Number(m.attrs['cy']))).toBeLessThanOrEqual(0.6);
        }
      }
    }
  });

  it('while the camera glides, a dot stays on its place: tweening its position equals tweening the transform', () => {
    const size = SIZES[0]!;
    const pairs: [PipelineScene, PipelineScene][] = PIPELINE_SCENES.slice(1).map((s, i) => [PIPELINE_SCENES[i]!, s]);
    for (const [from, to] of pairs) {
      const [a, b] = [viewFor(from, size), viewFor(to, size)];
      for (const p of data.places) {
        const base = toBase(p.lonLat);
        const [pa, pb] = [screenOf(a, base), screenOf(b, base)];
        for (const s of [0.25, 0.5, 0.8]) {
          const lerp = (x: number, y: number) => x + s * (y - x);
          const landX = lerp(a.tx, b.tx) + lerp(a.k, b.k) * base[0];
          const landY = lerp(a.ty, b.ty) + lerp(a.k, b.k) * base[1];
          expect(Math.abs(lerp(pa[0], pb[0]) - landX), `${p.id} ${from}→${to} at ${s}`).toBeLessThan(1);
          expect(Math.abs(lerp(pa[1], pb[1]) - landY), `${p.id} ${from}→${to} at ${s}`).toBeLessThan(1);
        }
      }
    }
  });
});

describe('flows', () => {
  it('every flow drawn starts at its origin and ends, with its arrow, at its destination', () => {
    for (const size of SIZES) {
      for (const scene of PIPELINE_SCENES) {
        const f = frame(data, scene, size);
        const v = viewFor(scene, size);
        for (const m of f.marks.filter((x) => x.key.startsWith('flow:'))) {
          const flow = data.flows.find((x) => `flow:${x.id}` === m.key)!;
          const { start, control, end } = routePoints(String(m.attrs['d']));
          const [a, b] = [screenOf(v, flow.a), screenOf(v, flow.b)];
          expect(Math.hypot(start[0] - a[0], start[1] - a[1]), `${m.key} starts at ${flow.from}`).toBeLessThanOrEqual(9);
          expect(Math.hypot(end[0] - b[0], end[1] - b[1]), `${m.key} ends at ${flow.to}`).toBeLessThanOrEqual(9);
          // It bows the way its data says, through the control point set in base coordinates.
          const c = screenOf(v, controlPoint(flow.a, flow.b, flow.bend));
          expect(control).toEqual(c);
          expect(m.attrs['marker-end']).toBe(`url(#${DEF_IDS.arrow}-${flow.kind})`);
        }
      }
    }
  });

  it('money goes the other way: each money flow is a fentanyl flow reversed, and bows to the other side of it', () => {
    const money = data.flows.filter((f) => f.kind === 'money');
    expect(money.length).toBeGreaterThan(0);
    for (const m of money) {
      const out = data.flows.find((f) => f.kind === 'fentanyl' && f.from === m.to && f.to === m.from);
      expect(out, `${m.id} reverses a fentanyl flow`).toBeDefined();
      const mid = quadAt(m.a, controlPoint(m.a, m.b, m.bend), m.b, 0.5);
      const back = quadAt(out!.a, controlPoint(out!.a, out!.b, out!.bend), out!.b, 0.5);
      // The two middles lie on opposite sides of the straight line between the places.
      const side = (p: readonly [number, number]) => (m.b[0] - m.a[0]) * (p[1] - m.a[1]) - (m.b[1] - m.a[1]) * (p[0] - m.a[0]);
      expect(Math.sign(side(mid))).not.toBe(Math.sign(side(back)));
    }
  });

  it('chemicals cross the Pacific from China to Mexico; fentanyl goes from Mexico north into the United States', () => {
    const countryOf = (id: string) => byId.get(id)?.lonLat;
    for (const f of data.flows.filter((x) => x.stage === 'shipping')) {
      expect(countryOf(f.from)![0]).toBeGreaterThan(100);
      expect(countryOf(f.to)![0]).toBeLessThan(-90);
    }
    for (const f of data.flows.filter((x) => x.kind === 'fentanyl')) expect(countryOf(f.to)![1]).toBeGreaterThan(countryOf(f.from)![1]);
  });
});

describe('the land, written once', () => {
  it('has every shape the marks use, each once, and is small', () => {
    for (const id of [DEF_IDS.land, DEF_IDS.CN, DEF_IDS.MX, DEF_IDS.US, DEF_IDS.borders, DEF_IDS.usMexico]) {
      expect(land.defs.split(`id="${id}"`)).toHaveLength(2);
    }
    // The map's share of the story's 25 KB (gzip), its per-step maps and table included, leaves the land about 5 KB.
    expect(gzipSync(land.defs, { level: 9 }).length).toBeLessThan(5 * 1024);
  });

  it('frames refer to the land and never carry its geometry', () => {
    for (const size of SIZES) {
      for (const scene of PIPELINE_SCENES) {
        const f = frame(data, scene, size);
        const uses = f.marks.filter((m) => m.tag === 'use');
        expect(uses.map((m) => m.attrs['href'])).toEqual(expect.arrayContaining([`#${DEF_IDS.land}`, `#${DEF_IDS.US}`]));
        const longest = Math.max(...f.marks.map((m) => String(m.attrs['d'] ?? '').length));
        expect(longest).toBeLessThan(80);
      }
    }
  });

  it('compactPath writes relative moves in whole tenths that return to the same points', () => {
    const d = 'M10.5,-3.2L12,-3.2L12,0.1ZM-4,4L-3.9,4.2Z';
    const out = compactPath(d);
    // Walk it back to absolute points.
    const points: [number, number][] = [];
    let [x, y, sx, sy] = [0, 0, 0, 0];
    for (const m of out.matchAll(/([mlz])([^mlz]*)/g)) {
      if (m[1] === 'z') {
        [x, y] = [sx, sy];
        continue;
      }
      const nums = [...m[2]!.matchAll(/-?\d+/g)].map((n) => Number(n[0]));
      for (let i = 0; i < nums.length; i += 2) {
        [x, y] = [x + nums[i]!, y + nums[i + 1]!];
        if (m[1] === 'm' && i === 0) [sx, sy] = [x, y];
        points.push([x / LAND_UNITS, y / LAND_UNITS]);
      }
    }
    const expected = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points.length).toBe(expected.length);
    points.forEach((p, i) => {
      expect(Math.abs(p[0] - expected[i]![0]!)).toBeLessThanOrEqual(0.5 / LAND_UNITS + 1e-9);
      expect(Math.abs(p[1] - expected[i]![1]!)).toBeLessThanOrEqual(0.5 / LAND_UNITS + 1e-9);
    });
  });

  it('simplifyLine keeps the ends and every point farther than its tolerance, and a closed ring keeps a triangle', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 0.1],
      [2, 0],
      [3, 2],
      [4, 0],
    ];
    expect(simplifyLine(line, () => 0.5)).toEqual([0, 2, 3, 4]);
    expect(simplifyLine(line, () => 0.01)).toEqual([0, 1, 2, 3, 4]);
    const ring: [number, number][] = [
      [0, 0],
      [1, 0.01],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyLine(ring, () => 100).length).toBeGreaterThanOrEqual(4);
  });
});
